import { defineMiddleware } from 'astro:middleware';
import isr from 'virtual:isr-config';
import { applyCachePolicy, cachePolicyFor } from './isr/cache-policy.ts';
import { routeKindOf, SECURITY_POLICIES, securityHeadersFor } from './isr/security-headers.ts';
import { GENERATED_AT_HEADER } from './isr/wire.ts';

/**
 * Stamps every request with its render time and gives every response the headers of the
 * site's cache and security policies, so no page hand-writes them.
 */
export const onRequest = defineMiddleware(async (context, next) => {
	context.locals.generatedAt = new Date();
	const kind = routeKindOf(context.routePattern);
	for (const directive of SECURITY_POLICIES[kind].cspDirectives) {
		context.csp?.insertDirective(directive);
	}
	const response = await next();
	const policy = cachePolicyFor(context.routePattern, response.status, isr);
	applyCachePolicy(response.headers, policy);
	for (const [name, value] of Object.entries(
		securityHeadersFor(kind, response.headers.get('content-type')),
	)) {
		response.headers.set(name, value);
	}
	response.headers.set(GENERATED_AT_HEADER, context.locals.generatedAt.toISOString());
	return response;
});

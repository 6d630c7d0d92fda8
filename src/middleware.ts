import { defineMiddleware } from 'astro:middleware';
import isr from 'virtual:isr-config';
import { applyCachePolicy, cachePolicyFor } from './isr/cache-policy.ts';
import { GENERATED_AT_HEADER } from './isr/wire.ts';

/**
 * Stamps every request with its render time and gives every response the headers of the
 * site's cache policy, so no page hand-writes them.
 */
export const onRequest = defineMiddleware(async (context, next) => {
	context.locals.generatedAt = new Date();
	const response = await next();
	const policy = cachePolicyFor(context.routePattern, response.status, isr);
	applyCachePolicy(response.headers, policy);
	response.headers.set(GENERATED_AT_HEADER, context.locals.generatedAt.toISOString());
	return response;
});

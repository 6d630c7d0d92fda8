/**
 * What the site's function entry checks before `@astrojs/vercel`'s entrypoint sees a request.
 * The build output already strips Astro's internal headers and refuses ambiguous paths
 * (./routes.ts); this holds the same line inside the function, wherever the request came from.
 *
 * @see node_modules/@astrojs/vercel/dist/serverless/entrypoint.js
 */
import {
	ASTRO_MIDDLEWARE_SECRET_HEADER,
	ASTRO_PATH_HEADER,
	ASTRO_PATH_PARAM,
	ASTRO_PATH_TOKEN_PARAM,
} from '@astrojs/vercel';
import { isCanonicalRenderPath } from './path-guard.ts';
import { ASTRO_INTERNAL_REQUEST_HEADERS, AMBIGUOUS_PATH_STATUS } from './routes.ts';

/**
 * Deletes Astro's internal headers from `request` unless it proves it comes from Astro's own
 * edge middleware, and answers 400 (never cached) when the path the adapter would render is not
 * the path the request's cache key names. `undefined`: hand the request on.
 */
export function screenRequest(request: Request, middlewareSecret: string): Response | undefined {
	const fromMiddleware = request.headers.get(ASTRO_MIDDLEWARE_SECRET_HEADER) === middlewareSecret;
	if (!fromMiddleware) {
		for (const name of ASTRO_INTERNAL_REQUEST_HEADERS) request.headers.delete(name);
	}
	const url = new URL(request.url);
	const realPath = fromMiddleware
		? request.headers.get(ASTRO_PATH_HEADER)
		: url.searchParams.get(ASTRO_PATH_TOKEN_PARAM) === middlewareSecret
			? url.searchParams.get(ASTRO_PATH_PARAM)
			: null;
	if (realPath === null || isCanonicalRenderPath(realPath)) return undefined;
	return new Response('400: BAD_REQUEST\n', {
		status: AMBIGUOUS_PATH_STATUS,
		headers: { 'cache-control': 'no-store', 'content-type': 'text/plain; charset=utf-8' },
	});
}

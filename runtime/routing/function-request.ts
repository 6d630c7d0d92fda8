/**
 * What routing decided about the request a function gets: its headers (route transforms, the
 * platform's `x-now-route-matches`) and its path (`request.path` transforms). Response-side
 * transforms are applied to what the visitor gets.
 *
 * @see https://github.com/vercel/vercel/blob/main/packages/cli/src/util/dev/server.ts (prepareTransforms)
 */
import { ROUTE_MATCHES_HEADER } from '../../src/platform/vercel.ts';
import type { PrerenderConfig } from '../output/prerender-config.ts';
import { applyHeaderTransforms, changesHeaders } from './transforms.ts';
import type { RouteTransforms } from './types.ts';

/**
 * The visitor's headers with no `x-now-route-matches` (only the platform sets it), or the same
 * object when there is none to strip.
 */
export function withoutPlatformHeaders(headers: Headers): Headers {
	if (!headers.has(ROUTE_MATCHES_HEADER)) return headers;
	const copy = new Headers(headers);
	copy.delete(ROUTE_MATCHES_HEADER);
	return copy;
}

/**
 * The headers a function gets, or `headers` itself when routing changes nothing. For a prerender
 * function without `passQuery`, `x-now-route-matches` carries the route's captures; with
 * `passQuery` the platform leaves it out and the query carries them (nitrojs/nitro#3539) [U].
 */
export function functionHeaders(
	headers: Headers,
	transforms: RouteTransforms | undefined,
	prerender?: { readonly config: PrerenderConfig; readonly routeMatches: string | undefined },
): Headers {
	const routeMatches =
		prerender !== undefined && prerender.config.passQuery !== true && prerender.routeMatches
			? prerender.routeMatches
			: undefined;
	const transformed =
		transforms !== undefined && changesHeaders(headers, transforms.request, 'request.headers');
	if (!transformed && routeMatches === undefined) return headers;
	const copy = new Headers(headers);
	if (transformed) applyHeaderTransforms(copy, transforms.request, 'request.headers');
	if (routeMatches !== undefined) copy.set(ROUTE_MATCHES_HEADER, routeMatches);
	return copy;
}

/** `response` with the routes' `response.headers` transforms applied. */
export function withResponseTransforms(
	response: Response,
	transforms: RouteTransforms | undefined,
): Response {
	if (transforms === undefined || transforms.response.length === 0) return response;
	const headers = new Headers(response.headers);
	applyHeaderTransforms(headers, transforms.response, 'response.headers');
	return new Response(response.body, { status: response.status, headers });
}

/**
 * What routing decided about the request a function gets: its headers (route transforms, the
 * platform's `x-now-route-matches`) and its path (`request.path` transforms). Response-side
 * transforms are applied to what the visitor gets.
 *
 * @see https://github.com/vercel/vercel/blob/main/packages/cli/src/util/dev/server.ts (prepareTransforms)
 */
import { ROUTE_MATCHES_HEADER } from '../wire.ts';
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

/** The headers a function gets: `headers` itself when no request transform changes them. */
export function functionHeaders(
	headers: Headers,
	transforms: RouteTransforms | undefined,
): Headers {
	if (transforms === undefined || !changesHeaders(headers, transforms.request, 'request.headers')) {
		return headers;
	}
	const copy = new Headers(headers);
	applyHeaderTransforms(copy, transforms.request, 'request.headers');
	return copy;
}

/**
 * The `x-now-route-matches` a prerender function gets, if any: the route's captures when the
 * output has no `passQuery`; with `passQuery` the platform leaves it out and the query carries
 * them (nitrojs/nitro#3539) [U].
 */
export function routeMatchesFor(
	config: PrerenderConfig,
	routeMatches: string | undefined,
): string | undefined {
	return config.passQuery !== true && routeMatches ? routeMatches : undefined;
}

/**
 * The headers the cache gets for a routed request to a prerender output: `headers` with the
 * route's `x-now-route-matches`. The cache copies it into that output's own renders only, never
 * into a group member's (its captures are of another route); the same object when there is none.
 */
export function withRouteMatches(headers: Headers, routeMatches: string | undefined): Headers {
	if (routeMatches === undefined) return headers;
	const copy = new Headers(headers);
	copy.set(ROUTE_MATCHES_HEADER, routeMatches);
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

/**
 * What routing has gathered so far for one request, and how a matched route changes it.
 */
import type { SourceRoute, Transform } from '../output/config-schema.ts';
import { substitute, type RouteMatch } from './match.ts';
import { applyQueryTransforms, requestPathOf, resolveTransforms } from './transforms.ts';

export interface State {
	path: string;
	/** The request's query as transforms left it (the visitor's, until a transform runs). */
	query: URLSearchParams;
	/** Query params of every `dest` applied since the last query transform. */
	destQuery: URLSearchParams;
	headers: Record<string, string>;
	status: number | undefined;
	external: string | undefined;
	/** `request.headers` transforms of every matched route, in order. */
	readonly requestHeaderTransforms: Transform[];
	/** The transforms of the latest matched route that had any (vercel dev's response context). */
	responseTransforms: readonly Transform[] | undefined;
	requestPath: string | undefined;
	/** Captures of the route whose `dest` was applied last. */
	destMatch: RouteMatch | undefined;
}

export function initialState(url: URL): State {
	return {
		path: url.pathname,
		query: url.searchParams,
		destQuery: new URLSearchParams(),
		headers: {},
		status: undefined,
		external: undefined,
		requestHeaderTransforms: [],
		responseTransforms: undefined,
		requestPath: undefined,
		destMatch: undefined,
	};
}

/**
 * The dest query plus the request's other params. A param the dest sets wins over a request param
 * of the same name ([U] spec §9.10; `vercel dev` does the opposite), so a visitor cannot replace
 * what the route chose, e.g. the `x_astro_path` that picks the page an ISR function renders and
 * the key it is cached under.
 */
export function mergedQuery(destQuery: URLSearchParams, query: URLSearchParams): URLSearchParams {
	const merged = new URLSearchParams(destQuery);
	for (const [key, value] of query) {
		if (!destQuery.has(key)) merged.append(key, value);
	}
	return merged;
}

export function searchOf(query: URLSearchParams): string {
	const search = query.toString();
	return search === '' ? '' : `?${search}`;
}

export function applyHeaders(
	state: State,
	route: SourceRoute,
	match: RouteMatch,
	keepExisting: boolean,
): void {
	for (const [name, value] of Object.entries(route.headers ?? {})) {
		const key = name.toLowerCase();
		// In the hit and miss phases a route does not override headers set before (vercel dev).
		if (keepExisting && key in state.headers) continue;
		state.headers[key] = substitute(value, match);
	}
}

export function applyDest(state: State, dest: string, match: RouteMatch): void {
	// `_render` (no leading slash) means `/_render`, as `vercel dev` reads it.
	// Appended to an origin, not resolved against one, so `//x` stays a path.
	const target = new URL(`http://routing.invalid${dest.startsWith('/') ? dest : `/${dest}`}`);
	state.path = target.pathname;
	state.destMatch = match;
	for (const key of new Set(target.searchParams.keys())) state.destQuery.delete(key);
	for (const [key, value] of target.searchParams) state.destQuery.append(key, value);
}

/**
 * A matched route's transforms. Query transforms act at once on the query as it stands (the
 * visitor's plus the dests so far), so a later `dest` can still set a param an earlier route
 * deleted: SvelteKit deletes a visitor's `__pathname` first, then its ISR routes set their own
 * ([I]: its output only works that way). Header and path transforms are collected for the
 * handler, which applies them to the request the function gets and the response.
 */
export function applyTransforms(state: State, route: SourceRoute, match: RouteMatch): void {
	if (route.transforms === undefined) return;
	const transforms = resolveTransforms(route.transforms, match);
	if (transforms.some((transform) => transform.type === 'request.query')) {
		state.query = mergedQuery(state.destQuery, state.query);
		state.destQuery = new URLSearchParams();
		applyQueryTransforms(state.query, transforms);
	}
	for (const transform of transforms) {
		if (transform.type === 'request.headers') state.requestHeaderTransforms.push(transform);
	}
	state.requestPath = requestPathOf(transforms) ?? state.requestPath;
	// A redirect answers before the transform step (vercel dev `isRedirectExit`).
	const status = route.status ?? state.status;
	if (status === undefined || status < 300 || status >= 400) state.responseTransforms = transforms;
}

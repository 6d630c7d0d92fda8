/**
 * Inputs and output of the pure router. Plain data, so it is unit-tested without files or HTTP.
 */
import type { HeaderReader } from '../header-reader.ts';
import type { Transform } from '../output/config-schema.ts';

export type OutputKind = 'static' | 'function' | 'prerender';

/** Something the filesystem phase can find: a static file or a function output. */
export interface FoundEntry {
	readonly kind: OutputKind;
}

/** What the filesystem phase can find, by URL path (`/favicon.svg`, `/_isr`, `/`). */
export type FilesystemIndex<E extends FoundEntry = FoundEntry> = ReadonlyMap<string, E>;

/** The parts of a request routing reads; a web `Request` is one. */
export interface RoutingRequest {
	readonly method: string;
	readonly headers: HeaderReader;
}

/** Response headers collected from matched routes, names in lower case. */
export type RouteHeaders = Readonly<Record<string, string>>;

/** What matched routes' `transforms` ask of the request the function gets and of the response. */
export interface RouteTransforms {
	/** `request.headers` transforms, in order, captures substituted. */
	readonly request: readonly Transform[];
	/** `response.headers` transforms of the latest matched route that had transforms. */
	readonly response: readonly Transform[];
	/** The path a `request.path` transform sets for the function, if any. */
	readonly path: string | undefined;
}

export type RouteResult<E extends FoundEntry = FoundEntry> =
	| {
			/** An output was found: a static file, an ordinary function or a prerender function. */
			readonly kind: OutputKind;
			/** Its key in the filesystem index (the rewritten path). */
			readonly path: string;
			/** What the index holds under `path`. */
			readonly entry: E;
			/** The dest query plus the request params it does not set, `?…` or empty. */
			readonly search: string;
			/** Forced by a matched route (e.g. Astro's 404 route). */
			readonly status?: number;
			readonly headers: RouteHeaders;
			/** Present when a matched route had `transforms`. */
			readonly transforms?: RouteTransforms;
			/**
			 * The captures of the route whose `dest` chose the output, form-encoded as the platform
			 * sends them to prerender functions in `x-now-route-matches` (spec §2.4 [U]).
			 */
			readonly routeMatches?: string;
	  }
	| {
			readonly kind: 'redirect';
			readonly location: string;
			readonly status: number;
			readonly headers: RouteHeaders;
			readonly transforms?: RouteTransforms;
	  }
	| {
			/** `dest` was a full URL: an external rewrite. */
			readonly kind: 'proxy';
			readonly url: string;
			readonly status?: number;
			readonly headers: RouteHeaders;
			readonly transforms?: RouteTransforms;
	  }
	| {
			readonly kind: 'not-found';
			/** The path routing ended on. */
			readonly path: string;
			readonly status: number;
			readonly headers: RouteHeaders;
			readonly transforms?: RouteTransforms;
	  };

/**
 * Inputs and output of the pure router. Plain data, so it is unit-tested without files or HTTP.
 */

export type OutputKind = 'static' | 'function' | 'prerender';

/** What the filesystem phase can find, by URL path (`/favicon.svg`, `/_isr`, `/`). */
export type FilesystemIndex = ReadonlyMap<string, { readonly kind: OutputKind }>;

/** The parts of a request routing reads; a web `Request` is one. */
export interface RoutingRequest {
	readonly method: string;
	readonly url: string;
	readonly headers: Headers;
}

/** Response headers collected from matched routes, names in lower case. */
export type RouteHeaders = Readonly<Record<string, string>>;

export type RouteResult =
	| {
			/** An output was found: a static file, an ordinary function or a prerender function. */
			readonly kind: OutputKind;
			/** Its key in the filesystem index (the rewritten path). */
			readonly path: string;
			/** The dest query plus the request params it does not set, `?…` or empty. */
			readonly search: string;
			/** Forced by a matched route (e.g. Astro's 404 route). */
			readonly status?: number;
			readonly headers: RouteHeaders;
	  }
	| {
			readonly kind: 'redirect';
			readonly location: string;
			readonly status: number;
			readonly headers: RouteHeaders;
	  }
	| {
			/** `dest` was a full URL: an external rewrite. */
			readonly kind: 'proxy';
			readonly url: string;
			readonly status?: number;
			readonly headers: RouteHeaders;
	  }
	| {
			readonly kind: 'not-found';
			/** The path routing ended on. */
			readonly path: string;
			readonly status: number;
			readonly headers: RouteHeaders;
	  };

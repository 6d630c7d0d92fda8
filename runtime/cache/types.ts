/** The contract between the caches and the handler that routes requests to them. */
import type { HeaderReader } from '../header-reader.ts';
import type { PrerenderConfig } from '../output/prerender-config.ts';
import type { PlainAnswer } from './answer.ts';
import type { StoreStats } from './store.ts';

/** Calls a function with a web Request. Never throws for HTTP errors; may throw/reject if the function crashes. */
export type Invoke = (request: Request) => Promise<Response>;

/** A prerender output as loaded from the output folder. */
export interface PrerenderOutput {
	/** e.g. '/_isr' for functions/_isr.func; '/blog/post' for functions/blog/post.func */
	readonly outputPath: string;
	readonly config: PrerenderConfig;
	/** Fallback file contents, if `config.fallback` is set. */
	readonly fallback?: { readonly body: Uint8Array; readonly contentType: string | undefined };
}

export interface PrerenderCache {
	/**
	 * Serves a request that routing sent to a prerender output. `url` is the routed url (the dest
	 * path with the dest query merged into the request query), by default `request.url`; the
	 * request's headers are the visitor's. Passing the visitor's request with the routed `url`
	 * spares the HIT path a Request copy. Rejects when a foreground invocation throws (the caller
	 * answers 500).
	 */
	serve(request: Request, output: PrerenderOutput, invoke: Invoke, url?: URL): Promise<Response>;
	/**
	 * The stored entry as plain data when the request gets it as it is (a fresh `HIT`, or a `STALE`
	 * that starts nothing), otherwise undefined and the request goes to `serve`. Synchronous and
	 * without web objects: the server's HIT path. `url` as for `serve`.
	 */
	answer(request: RequestFacts, output: PrerenderOutput, url: URL): PlainAnswer | undefined;
}

/** A request as plain facts: what the HIT path reads without a web Request. */
export interface RequestFacts {
	readonly method: string;
	readonly headers: HeaderReader;
}

export interface CdnCache {
	/** Serves a request routed to an ORDINARY function (request.url = original path + merged query). */
	serve(request: Request, functionPath: string, invoke: Invoke): Promise<Response>;
	/**
	 * The stored entry as plain data when the request gets it as it is (a fresh `HIT`), otherwise
	 * undefined and the request goes to `serve`. `url`: the function's URL, as `request.url` for
	 * `serve`.
	 */
	answer(request: RequestFacts, url: URL): PlainAnswer | undefined;
}

export interface Caches {
	readonly prerender: PrerenderCache;
	readonly cdn: CdnCache;
	/** Resolves when every background regeneration in flight has settled (used by shutdown and tests). */
	settled(): Promise<void>;
	/** Current total stored bytes and entry count (for logs/bench). */
	stats(): StoreStats;
}

export interface CacheOptions {
	/** Total bytes of stored bodies+headers+keys across both caches; LRU eviction. Default 256 MiB. */
	readonly maxBytes?: number;
	/** Injected clock, ms since epoch. Default Date.now. */
	readonly now?: () => number;
	/** Called when a background regeneration fails (status/throw/timeout) – for logs. Default: console.warn. */
	readonly onRegenerationError?: (info: { key: string; reason: string }) => void;
	/** Per-invocation timeout ms (a timeout counts as a failure; keep last good). Default: 60_000. */
	readonly invokeTimeoutMs?: number;
	/** Called for responses that are stored but probably should not be (e.g. `Set-Cookie` on a prerender). Default: console.warn. */
	readonly onWarning?: (info: { key: string; message: string }) => void;
}

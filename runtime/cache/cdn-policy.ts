/**
 * CDN caching of ordinary function responses as pure functions of (request, entry, response, now).
 *
 * @see https://vercel.com/docs/caching/cdn-cache
 * @see https://vercel.com/docs/caching/cache-control-headers
 * @see docs/vercel-isr-semantics.md §4
 */
import {
	CACHE_STATUS,
	CACHEABLE_STATUSES,
	CDN_CACHE_CONTROL_HEADER,
	VERCEL_CDN_CACHE_CONTROL_HEADER,
	type CacheStatus,
} from '../wire.ts';
import { browserHeaders, edgeLifetimeSeconds, selectCacheDirectives } from './cache-headers.ts';
import { prepareResponse, type CdnEntry } from './entry.ts';
import type { RequestFacts } from './types.ts';

// https://vercel.com/docs/caching/cache-control-headers (1 s to 1 year)
const MAX_LIFETIME_SECONDS = 31_536_000;

export interface CdnRequestFacts {
	/** GET/HEAD without `Authorization` or `Range`. */
	readonly cacheable: boolean;
	/** `Pragma: no-cache`: a stale entry is revalidated in the foreground. */
	readonly pragmaNoCache: boolean;
}

export type CdnAction = 'pass-through' | 'invoke-and-store' | 'serve-entry' | 'revalidate';

export interface CdnDecision {
	readonly action: CdnAction;
	readonly status: CacheStatus;
	/** Whether to start a (collapsed) revalidation after answering. */
	readonly background: boolean;
}

/** @see https://vercel.com/docs/caching/cdn-cache */
export function readCdnRequest(request: RequestFacts): CdnRequestFacts {
	const { method, headers } = request;
	return {
		cacheable:
			(method === 'GET' || method === 'HEAD') &&
			!headers.has('authorization') &&
			!headers.has('range'),
		pragmaNoCache: /(^|,)\s*no-cache\s*(,|$)/i.test(headers.get('pragma') ?? ''),
	};
}

/** `cdn:<host><path>[?<query>]`: the whole query counts, GET and HEAD share the key. */
export function cdnKey(url: URL): string {
	return `cdn:${url.host}${url.pathname}${url.search}`;
}

const decision = (action: CdnAction, status: CacheStatus, background: boolean): CdnDecision =>
	Object.freeze({ action, status, background });

const PASS_THROUGH = decision('pass-through', CACHE_STATUS.MISS, false);
const MISS = decision('invoke-and-store', CACHE_STATUS.MISS, false);
const HIT = decision('serve-entry', CACHE_STATUS.HIT, false);
const STALE = decision('serve-entry', CACHE_STATUS.STALE, true);
const REVALIDATE = decision('revalidate', CACHE_STATUS.REVALIDATED, false);

export function decideCdn(
	request: CdnRequestFacts,
	entry: Pick<CdnEntry, 'staleAt' | 'staleUntil'> | undefined,
	now: number,
): CdnDecision {
	if (!request.cacheable) return PASS_THROUGH;
	if (entry === undefined || now >= entry.staleUntil) return MISS;
	if (now < entry.staleAt) return HIT;
	// https://vercel.com/docs/caching/cdn-cache (Pragma: no-cache)
	return request.pragmaNoCache ? REVALIDATE : STALE;
}

export type CdnResponsePlan =
	| { readonly store: false; readonly reason: string; readonly stripShared: boolean }
	| {
			readonly store: true;
			readonly freshMs: number;
			readonly staleMs: number;
			readonly vary: readonly string[];
			readonly stripShared: boolean;
	  };

function varyNames(headers: Headers): string[] {
	const vary = headers.get('vary');
	if (vary === null) return [];
	return vary
		.split(',')
		.map((name) => name.trim().toLowerCase())
		.filter((name) => name !== '');
}

/**
 * Whether a response may be stored, and for how long. `s-maxage`/`stale-while-revalidate` are
 * stripped from `Cache-Control` for the browser only when no targeted header is present.
 *
 * @see https://vercel.com/docs/caching/cdn-cache
 */
export function planCdnResponse(status: number, headers: Headers): CdnResponsePlan {
	const stripShared =
		!headers.has(VERCEL_CDN_CACHE_CONTROL_HEADER) && !headers.has(CDN_CACHE_CONTROL_HEADER);
	const no = (reason: string): CdnResponsePlan => ({ store: false, reason, stripShared });
	if (!CACHEABLE_STATUSES.has(status)) return no(`status ${status}`);
	if (headers.has('set-cookie')) return no('Set-Cookie');
	// The cache keeps its own br/gzip copies and picks one per request, so `Vary: Accept-Encoding`
	// splits nothing, unless the function encoded the body itself (then each coding is a variant).
	const vary = varyNames(headers).filter(
		(name) => name !== 'accept-encoding' || headers.has('content-encoding'),
	);
	if (vary.includes('*')) return no('Vary: *');
	const selected = selectCacheDirectives(headers);
	if (selected === undefined) return no('no cache header');
	const { directives } = selected;
	if (directives.private || directives.noStore || directives.noCache) {
		return no(`${selected.source}: private, no-store or no-cache`);
	}
	const lifetime = edgeLifetimeSeconds(selected);
	if (lifetime === undefined || lifetime < 1) return no(`${selected.source}: no CDN lifetime`);
	const freshMs = Math.min(lifetime, MAX_LIFETIME_SECONDS) * 1000;
	const staleMs = Math.min(directives.staleWhileRevalidate ?? 0, MAX_LIFETIME_SECONDS) * 1000;
	return { store: true, freshMs, staleMs, vary, stripShared };
}

/**
 * A stored response for `request`, remembering the request headers its `Vary` names.
 * `generation` orders invocations: an entry never replaces one of a later generation.
 */
export function createCdnEntry(
	status: number,
	headers: Headers,
	body: Uint8Array,
	plan: Extract<CdnResponsePlan, { store: true }>,
	request: Request,
	storedAt: number,
	generation: number,
): CdnEntry {
	const response = prepareResponse(
		status,
		browserHeaders(headers, plan.stripShared),
		body,
		storedAt,
	);
	return {
		...response,
		kind: 'cdn',
		staleAt: storedAt + plan.freshMs,
		staleUntil: storedAt + plan.freshMs + plan.staleMs,
		vary: plan.vary.map((name) => [name, request.headers.get(name)] as const),
		generation,
	};
}

/**
 * Whether `request` sends the header values the entry was stored for. One variant is kept per
 * key; a different variant replaces it.
 *
 * @see https://vercel.com/docs/caching/cdn-cache
 */
export function matchesVary(
	entry: Pick<CdnEntry, 'vary'>,
	request: Pick<RequestFacts, 'headers'>,
): boolean {
	return entry.vary.every(([name, value]) => request.headers.get(name) === value);
}

/**
 * The prerender (ISR) state machine as pure functions of (request, entry, config, now).
 *
 * @see https://vercel.com/docs/incremental-static-regeneration
 * @see https://vercel.com/docs/caching/cache-status
 * @see docs/vercel-isr-semantics.md §2.1, §2.2, §3
 */
import {
	CACHE_STATUS,
	CACHEABLE_STATUSES,
	PRERENDER_BYPASS_COOKIE,
	PRERENDER_REVALIDATE_HEADER,
	type CacheStatus,
} from '../wire.ts';
import type { HeaderReader } from '../header-reader.ts';
import type { PrerenderConfig } from '../output/prerender-config.ts';
import type { HasField } from '../output/config-schema.ts';
import {
	conditionSource,
	matchCondition,
	parseCookies,
	type ConditionSource,
} from '../routing/has.ts';
import { browserHeaders, edgeLifetimeSeconds, selectCacheDirectives } from './cache-headers.ts';
import { isCrawler } from './crawlers.ts';
import {
	prepareResponse,
	type BufferedResponse,
	type PrerenderEntry,
	type StoredResponse,
} from './entry.ts';

/**
 * After a failed regeneration the last good entry (or the fallback) is kept, and the next
 * background regeneration starts no sooner than this.
 * @see https://vercel.com/docs/incremental-static-regeneration ("On failure")
 */
export const RETRY_AFTER_FAILURE_MS = 30_000;

/** What about a request matters to the state machine. */
export interface PrerenderRequestFacts {
	readonly method: string;
	/** `__prerender_bypass` cookie equal to the bypass token. */
	readonly draftMode: boolean;
	/** Matches an `experimentalBypassFor` condition. */
	readonly bypassFor: boolean;
	/** `x-prerender-revalidate` header equal to the bypass token. */
	readonly revalidate: boolean;
	/** A known crawler's user agent, read only for outputs with a fallback. */
	readonly crawler: boolean;
}

export type PrerenderAction =
	'pass-through' | 'bypass' | 'revalidate' | 'serve-entry' | 'serve-fallback' | 'invoke-and-store';

export interface PrerenderDecision {
	readonly action: PrerenderAction;
	readonly status: CacheStatus;
	/** Whether to start a (collapsed) regeneration after answering. */
	readonly background: boolean;
}

export type PrerenderEntryState = Pick<PrerenderEntry, 'staleAt'>;

/** What else about the key matters besides its entry. */
export interface PrerenderKeyState {
	readonly hasFallback: boolean;
	/** No background regeneration before this instant; set after a failed one, 0 otherwise. */
	readonly retryAfter: number;
}

/** `hasFallback`: whether the user agent matters (only a fallback is withheld from crawlers). */
export function readPrerenderRequest(
	request: { readonly method: string; readonly headers: HeaderReader },
	url: URL,
	config: PrerenderConfig,
	hasFallback = false,
): PrerenderRequestFacts {
	const token = config.bypassToken;
	const bypassFor = config.experimentalBypassFor;
	const { headers } = request;
	// Without a token or conditions (or a Cookie header to compare) there is nothing to read.
	const cookie = token === undefined ? null : headers.get('cookie');
	return {
		method: request.method,
		// A wrong or missing token makes an ordinary request (spec §3).
		draftMode: cookie !== null && parseCookies(cookie).get(PRERENDER_BYPASS_COOKIE) === token,
		// Conditions as in route `has` (spec §1 `experimentalBypassFor`).
		bypassFor: bypassFor !== undefined && matchesAny(bypassFor, conditionSource(url, headers)),
		revalidate: token !== undefined && headers.get(PRERENDER_REVALIDATE_HEADER) === token,
		crawler: hasFallback && isCrawler(headers.get('user-agent')),
	};
}

function matchesAny(fields: readonly HasField[], source: ConditionSource): boolean {
	return fields.some((field) => matchCondition(field, source) !== undefined);
}

const decision = (
	action: PrerenderAction,
	status: CacheStatus,
	background: boolean,
): PrerenderDecision => Object.freeze({ action, status, background });

// Non-GET/HEAD methods are not cacheable; the function answers them uncached (spec §9.7 [U]).
const PASS_THROUGH = decision('pass-through', CACHE_STATUS.MISS, false);
const BYPASS = decision('bypass', CACHE_STATUS.BYPASS, false);
const REVALIDATE = decision('revalidate', CACHE_STATUS.REVALIDATED, false);
const MISS = decision('invoke-and-store', CACHE_STATUS.MISS, false);
// A crawler waits for the full render, which is stored like a MISS's (spec §2.1 [U]).
const CRAWLER = decision('invoke-and-store', CACHE_STATUS.BYPASS, false);
const PRERENDER = decision('serve-fallback', CACHE_STATUS.PRERENDER, true);
const PRERENDER_AWAITING_RETRY = decision('serve-fallback', CACHE_STATUS.PRERENDER, false);
const HIT = decision('serve-entry', CACHE_STATUS.HIT, false);
const STALE_REGENERATE = decision('serve-entry', CACHE_STATUS.STALE, true);
const STALE_AWAITING_RETRY = decision('serve-entry', CACHE_STATUS.STALE, false);

/** Spec §2.1, rows in table order. */
export function decidePrerender(
	request: PrerenderRequestFacts,
	entry: PrerenderEntryState | undefined,
	key: PrerenderKeyState,
	now: number,
): PrerenderDecision {
	if (request.method !== 'GET' && request.method !== 'HEAD') return PASS_THROUGH;
	// https://vercel.com/docs/build-output-api/features#draft-mode
	if (request.draftMode || request.bypassFor) return BYPASS;
	// https://vercel.com/docs/build-output-api/features#on-demand-incremental-static-regeneration-isr
	if (request.revalidate) return REVALIDATE;
	// A cold render without a fallback is in the foreground: the visitor waits for it, so there is
	// nothing to delay.
	if (entry === undefined && !key.hasFallback) return MISS;
	// https://vercel.com/docs/incremental-static-regeneration ("On failure")
	const retry = now >= key.retryAfter;
	// https://vercel.com/docs/caching/cache-status ("Crawler"). Not while a failed render's retry
	// is pending: the crawler then gets the fallback too, so a user agent cannot make a failing
	// output render on every request (choice 27).
	if (entry === undefined && request.crawler && retry) return CRAWLER;
	if (entry === undefined) return retry ? PRERENDER : PRERENDER_AWAITING_RETRY;
	if (now < entry.staleAt) return HIT;
	return retry ? STALE_REGENERATE : STALE_AWAITING_RETRY;
}

/** @see https://vercel.com/docs/incremental-static-regeneration ("On failure") */
export function isCacheablePrerenderStatus(status: number): boolean {
	return CACHEABLE_STATUSES.has(status);
}

/**
 * When an entry stored at `storedAt` turns stale: after `expiration`, or after the response's own
 * CDN lifetime if that is shorter. `expiration: false` never turns stale on time, whatever the
 * headers say (spec §4 "Interaction with prerender functions", §9.2 [U]).
 */
export function prerenderStaleAt(
	expiration: number | false,
	headers: Headers,
	storedAt: number,
): number {
	if (expiration === false) return Infinity;
	const selected = selectCacheDirectives(headers);
	const fromHeader = selected === undefined ? undefined : edgeLifetimeSeconds(selected);
	const seconds = fromHeader === undefined ? expiration : Math.min(expiration, fromHeader);
	return storedAt + seconds * 1000;
}

/**
 * The function's response as every visitor sees it: `Vercel-CDN-Cache-Control` consumed,
 * `s-maxage`/`stale-while-revalidate` dropped from `Cache-Control` (spec §2.5, §4).
 */
export function prerenderResponse(buffered: BufferedResponse, storedAt: number): StoredResponse {
	return prepareResponse(
		buffered.status,
		browserHeaders(buffered.headers, true),
		buffered.body,
		storedAt,
	);
}

export function createPrerenderEntry(
	buffered: BufferedResponse,
	response: StoredResponse,
	config: PrerenderConfig,
	generation: number,
): PrerenderEntry {
	const { storedAt } = response;
	const staleAt = prerenderStaleAt(config.expiration, buffered.headers, storedAt);
	return { ...response, kind: 'prerender', staleAt, generation };
}

/** The fallback file as a response: `initialStatus`, `initialHeaders` and its content type. */
export function fallbackResponse(
	fallback: { readonly body: Uint8Array; readonly contentType: string | undefined },
	config: PrerenderConfig,
	now: number,
): StoredResponse {
	const headers = new Headers(config.initialHeaders);
	if (fallback.contentType !== undefined && !headers.has('content-type')) {
		headers.set('content-type', fallback.contentType);
	}
	return prepareResponse(
		config.initialStatus ?? 200,
		browserHeaders(headers, true),
		fallback.body,
		now,
	);
}

/**
 * Stored responses: read once at store time into browser-ready copies (the body and, for text, its
 * `br` and `gzip` encodings, each with its headers and ETag), so that answering from one (the HIT
 * path) only picks a copy and adds `x-vercel-cache` and `age`.
 */
import { VERCEL_CACHE_HEADER, type CacheStatus } from '../wire.ts';
import type { HeaderReader } from '../header-reader.ts';
import { NULL_BODY_STATUSES } from '../null-body-statuses.ts';
import {
	answerFrom,
	preferencesOf,
	toResponse,
	type PlainAnswer,
	type Preferences,
} from './answer.ts';
import { representationBytes, representationsOf, type Representations } from './representations.ts';

/** A function response read to the end. */
export interface BufferedResponse {
	readonly status: number;
	readonly headers: Headers;
	readonly body: Uint8Array;
}

/** A response prepared for replay. Instants are absolute ms since epoch. */
export interface StoredResponse {
	readonly status: number;
	/** The copies that can be sent, each with its browser-facing headers incl. `date`. */
	readonly representations: Representations;
	readonly storedAt: number;
	/** Bodies plus header bytes of every copy; the store adds the key. */
	readonly bytes: number;
}

export interface PrerenderEntry extends StoredResponse {
	readonly kind: 'prerender';
	/** `Infinity` for `expiration: false`. */
	readonly staleAt: number;
	/** Order in which regenerations started; an older one never replaces a newer entry. */
	readonly generation: number;
}

export interface CdnEntry extends StoredResponse {
	readonly kind: 'cdn';
	readonly staleAt: number;
	/** End of the `stale-while-revalidate` window; past it the entry is not served. */
	readonly staleUntil: number;
	/** Request header values named by the response's `Vary`, as seen when stored. */
	readonly vary: ReadonlyArray<readonly [string, string | null]>;
	/** Order in which invocations started; an older one never replaces a newer entry. */
	readonly generation: number;
}

export type CacheEntry = PrerenderEntry | CdnEntry;

// Connection-level headers describe one transfer, not the stored representation.
const HOP_BY_HOP = ['connection', 'keep-alive', 'transfer-encoding', 'upgrade'];

/**
 * Prepares `headers` (already browser-facing) and `body` for replay, setting `date` if the function
 * did not, and compressing the body once when its type is text.
 */
export function prepareResponse(
	status: number,
	headers: Headers,
	body: Uint8Array,
	storedAt: number,
): StoredResponse {
	const prepared = new Headers(headers);
	for (const name of HOP_BY_HOP) prepared.delete(name);
	// Set per replay; removed here so a replay never carries two of them.
	prepared.delete(VERCEL_CACHE_HEADER);
	prepared.delete('age');
	prepared.delete('content-length');
	if (!prepared.has('date')) prepared.set('date', new Date(storedAt).toUTCString());
	const representations = representationsOf(prepared, body, !NULL_BODY_STATUSES.has(status));
	return { status, representations, storedAt, bytes: representationBytes(representations) };
}

/** Whole seconds since `storedAt`. */
export function ageSeconds(storedAt: number, now: number): number {
	return Math.max(0, Math.floor((now - storedAt) / 1000));
}

/** No `Accept-Encoding`, no `If-None-Match`, a GET. */
export const PLAIN_GET: Preferences = { acceptEncoding: null, ifNoneMatch: null, head: false };

/** The stored copy `preferences` ask for, as plain data, with the cache status and age. */
export function answerStored(
	stored: StoredResponse,
	status: CacheStatus,
	age: number,
	preferences: Preferences,
): PlainAnswer {
	const extra = [VERCEL_CACHE_HEADER, status, 'age', String(age)];
	const hasBody = !NULL_BODY_STATUSES.has(stored.status);
	return answerFrom(stored.status, stored.representations, preferences, extra, hasBody);
}

/**
 * A fresh Response for one client; `head` drops the body but keeps GET's headers. `request`: the
 * headers that choose the copy and may make it a 304 (none by default).
 */
export function replay(
	stored: StoredResponse,
	status: CacheStatus,
	age: number,
	head: boolean,
	request?: Pick<HeaderReader, 'get'>,
): Response {
	const preferences =
		request === undefined ? { ...PLAIN_GET, head } : preferencesOf(head ? 'HEAD' : 'GET', request);
	return toResponse(answerStored(stored, status, age, preferences));
}

/** Adds `x-vercel-cache`, `age: 0` and `date` to a streamed, unstored function response. */
export function passThrough(
	response: Response,
	headers: Headers,
	status: CacheStatus,
	now: number,
	head: boolean,
): Response {
	headers.set(VERCEL_CACHE_HEADER, status);
	headers.set('age', '0');
	if (!headers.has('date')) headers.set('date', new Date(now).toUTCString());
	if (head) void response.body?.cancel();
	const body = head || NULL_BODY_STATUSES.has(response.status) ? null : response.body;
	return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

/**
 * Stored responses: read once at store time into browser-ready headers and a Blob body, so that
 * replaying one (the HIT path) only copies headers and adds `x-vercel-cache` and `age`.
 */
import { VERCEL_CACHE_HEADER, type CacheStatus } from '../wire.ts';
import { NULL_BODY_STATUSES } from '../null-body-statuses.ts';

export type HeaderList = ReadonlyArray<readonly [string, string]>;

/** A function response read to the end. */
export interface BufferedResponse {
	readonly status: number;
	readonly headers: Headers;
	readonly body: Uint8Array;
}

/** A response prepared for replay. Instants are absolute ms since epoch. */
export interface StoredResponse {
	readonly status: number;
	/** Browser-facing headers, including `date` and `content-length`. */
	readonly headers: HeaderList;
	/**
	 * The only copy of the body, made once at store time: a Response built from a Blob shares its
	 * bytes, while one built from a Uint8Array copies them on every replay.
	 */
	readonly blob: Blob;
	readonly storedAt: number;
	/** Body plus header bytes; the store adds the key. */
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
 * did not. The result holds the body as a Blob only; `body` itself is not kept.
 */
export function prepareResponse(
	status: number,
	headers: Headers,
	body: Uint8Array,
	storedAt: number,
): StoredResponse {
	const blob = new Blob([body as Uint8Array<ArrayBuffer>]);
	const prepared = new Headers(headers);
	for (const name of HOP_BY_HOP) prepared.delete(name);
	// Set per replay; removed here so a replay never carries two of them.
	prepared.delete(VERCEL_CACHE_HEADER);
	prepared.delete('age');
	if (!NULL_BODY_STATUSES.has(status)) prepared.set('content-length', String(blob.size));
	if (!prepared.has('date')) prepared.set('date', new Date(storedAt).toUTCString());
	const list = [...prepared];
	let bytes = blob.size;
	for (const [name, value] of list) bytes += name.length + value.length;
	return { status, headers: list, blob, storedAt, bytes };
}

/** Whole seconds since `storedAt`. */
export function ageSeconds(storedAt: number, now: number): number {
	return Math.max(0, Math.floor((now - storedAt) / 1000));
}

// Measured: a Response built from a Headers object, then given the two per-replay headers, costs
// less than one built from a header list. Kept per stored response, never handed out.
const preparedHeaders = new WeakMap<StoredResponse, Headers>();

function headersOf(stored: StoredResponse): Headers {
	let headers = preparedHeaders.get(stored);
	if (headers === undefined) {
		headers = new Headers(stored.headers as [string, string][]);
		preparedHeaders.set(stored, headers);
	}
	return headers;
}

/** A fresh Response for one client; `head` drops the body but keeps GET's headers. */
export function replay(
	stored: StoredResponse,
	status: CacheStatus,
	age: number,
	head: boolean,
): Response {
	const body = head || NULL_BODY_STATUSES.has(stored.status) ? null : stored.blob;
	const response = new Response(body, { status: stored.status, headers: headersOf(stored) });
	response.headers.set(VERCEL_CACHE_HEADER, status);
	response.headers.set('age', String(age));
	return response;
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

/**
 * An answer as plain data, ready for `node:http` to write (a status, a flat header list and a
 * `Buffer`), built from stored copies for one request's `Accept-Encoding` and `If-None-Match`. The
 * `node:http` shell writes it directly; `handle()` turns it into a web Response.
 */
import type { HeaderReader } from '../header-reader.ts';
import { ifNoneMatchHolds, notModifiedHeaders } from './conditional.ts';
import { negotiateEncoding } from './compression.ts';
import type { FlatHeaders, Representations } from './representations.ts';

export interface PlainAnswer {
	readonly status: number;
	readonly headers: FlatHeaders;
	/** Null for HEAD, 304 and statuses without a body. */
	readonly body: Buffer | null;
}

/** What of the request chooses among stored copies. */
export interface Preferences {
	readonly acceptEncoding: string | null;
	readonly ifNoneMatch: string | null;
	readonly head: boolean;
}

export function preferencesOf(method: string, headers: Pick<HeaderReader, 'get'>): Preferences {
	return {
		acceptEncoding: headers.get('accept-encoding'),
		ifNoneMatch: headers.get('if-none-match'),
		head: method === 'HEAD',
	};
}

/**
 * The copy `preferences` ask for, with `extra` headers (cache status, age) appended. A 2xx whose
 * ETag the request's `If-None-Match` names answers 304 with the fields RFC 9110 §15.4.5 keeps.
 */
export function answerFrom(
	status: number,
	representations: Representations,
	preferences: Preferences,
	extra: FlatHeaders,
	hasBody: boolean,
): PlainAnswer {
	const copy = representations[negotiateEncoding(preferences.acceptEncoding, representations)]!;
	const { ifNoneMatch } = preferences;
	if (
		status >= 200 &&
		status < 300 &&
		ifNoneMatch !== null &&
		ifNoneMatchHolds(ifNoneMatch, copy.etag)
	) {
		return { status: 304, headers: [...notModifiedHeaders(copy.headers), ...extra], body: null };
	}
	const body = preferences.head || !hasBody ? null : copy.body;
	return { status, headers: extra.length === 0 ? copy.headers : [...copy.headers, ...extra], body };
}

/** The answer as a web Response. */
export function toResponse(answer: PlainAnswer): Response {
	const headers = new Headers();
	const list = answer.headers;
	for (let index = 0; index < list.length; index += 2)
		headers.append(list[index]!, list[index + 1]!);
	return new Response(answer.body as Uint8Array<ArrayBuffer> | null, {
		status: answer.status,
		headers,
	});
}

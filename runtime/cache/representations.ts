/**
 * The copies of one stored body that can be sent: the body itself and, for compressible types,
 * its `br` and `gzip` encodings, each with its own strong `ETag` (a strong validator names exact
 * bytes, RFC 9110 §8.8.3) and its headers ready to write.
 *
 * @see https://vercel.com/docs/how-vercel-cdn-works/compression
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-8.8.3
 */
import { hash } from 'node:crypto';
import {
	compressedCopies,
	isCompressible,
	ownBytes,
	type Coding,
	type Encoding,
} from './compression.ts';

/** Header names and values alternating, as `ServerResponse.writeHead` takes them. */
export type FlatHeaders = readonly string[];

export interface Representation {
	readonly encoding: Encoding;
	readonly body: Buffer;
	readonly etag: string;
	/** Every header of this copy: `content-length`, `etag`, `content-encoding` and `vary` included. */
	readonly headers: FlatHeaders;
}

export interface Representations {
	readonly identity: Representation;
	readonly br?: Representation;
	readonly gzip?: Representation;
}

/** A strong ETag of exactly `body`'s bytes. */
function etagOf(body: Uint8Array): string {
	return `"${hash('sha1', body, 'base64url')}"`;
}

/** A function's own ETag made distinct per coding: `"abc"` → `"abc-br"`, `W/"abc"` → `W/"abc-br"`. */
function codedEtag(etag: string, coding: Coding): string {
	return etag.endsWith('"') ? `${etag.slice(0, -1)}-${coding}"` : `${etag}-${coding}`;
}

function withVaryAcceptEncoding(vary: string | null): string {
	if (vary === null || vary.trim() === '') return 'accept-encoding';
	if (/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(vary)) return vary;
	return `${vary}, accept-encoding`;
}

function flatten(
	headers: readonly (readonly [string, string])[],
	overrides: Readonly<Record<string, string>>,
): string[] {
	const flat: string[] = [];
	for (const [name, value] of headers) {
		if (!(name in overrides)) flat.push(name, value);
	}
	for (const [name, value] of Object.entries(overrides)) flat.push(name, value);
	return flat;
}

/**
 * The copies of `body` under `headers` (browser-facing, without `content-length`). `withLength`:
 * whether the status carries a body and so a `content-length`. A function's own `ETag` names the
 * unencoded copy; without one, each copy's ETag is a hash of its bytes.
 */
export function representationsOf(
	headers: Headers,
	body: Uint8Array,
	withLength: boolean,
): Representations {
	const identityBody = ownBytes(body);
	const copies = withLength && isCompressible(headers) ? compressedCopies(body) : {};
	const compressed = copies.br !== undefined || copies.gzip !== undefined;
	const ownEtag = headers.get('etag');
	// Iterating Headers sorts them each time; once is enough for every copy.
	const pairs = [...headers];
	const vary: Record<string, string> = compressed
		? { vary: withVaryAcceptEncoding(headers.get('vary')) }
		: {};
	const make = (encoding: Encoding, bytes: Buffer): Representation => {
		const etag =
			ownEtag === null
				? etagOf(bytes)
				: encoding === 'identity'
					? ownEtag
					: codedEtag(ownEtag, encoding);
		const overrides: Record<string, string> = { ...vary, etag };
		if (withLength) overrides['content-length'] = String(bytes.byteLength);
		if (encoding !== 'identity') overrides['content-encoding'] = encoding;
		return { encoding, body: bytes, etag, headers: flatten(pairs, overrides) };
	};
	return {
		identity: make('identity', identityBody),
		...(copies.br === undefined ? {} : { br: make('br', copies.br) }),
		...(copies.gzip === undefined ? {} : { gzip: make('gzip', copies.gzip) }),
	};
}

/** Bytes the copies hold: bodies and header text. */
export function representationBytes(representations: Representations): number {
	let bytes = 0;
	for (const copy of [representations.identity, representations.br, representations.gzip]) {
		if (copy === undefined) continue;
		bytes += copy.body.byteLength;
		for (const part of copy.headers) bytes += part.length;
	}
	return bytes;
}

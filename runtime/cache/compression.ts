/**
 * Compression as Vercel's CDN does it: `br` or `gzip` for the text types it lists, chosen by the
 * request's `Accept-Encoding`, `br` first when both are equally acceptable. Bodies are compressed
 * once, when a response is stored, never per request.
 *
 * @see https://vercel.com/docs/how-vercel-cdn-works/compression
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-12.5.3 (Accept-Encoding)
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type Encoding = 'br' | 'gzip' | 'identity';
export type Coding = Exclude<Encoding, 'identity'>;

/**
 * The MIME types the platform compresses (its documented list) plus `text/html`, which every
 * deployment shows compressed.
 */
const COMPRESSIBLE_TYPES: ReadonlySet<string> = new Set([
	'application/atom+xml',
	'application/geo+json',
	'application/javascript',
	'application/json',
	'application/ld+json',
	'application/manifest+json',
	'application/rdf+xml',
	'application/rss+xml',
	'application/tar',
	'application/vnd.ms-fontobject',
	'application/wasm',
	'application/x-web-app-manifest+json',
	'application/xhtml+xml',
	'application/xml',
	'font/otf',
	'image/bmp',
	'image/svg+xml',
	'text/cache-manifest',
	'text/calendar',
	'text/css',
	'text/dns',
	'text/html',
	'text/javascript',
	'text/markdown',
	'text/plain',
	'text/vcard',
	'text/xml',
]);

/**
 * Whether a response with these headers gets compressed copies: a listed type, not already
 * encoded, and not marked `no-transform` (RFC 9111 §5.2.2.6). Any size: a copy that is not smaller
 * than the body is dropped instead ([U], runtime README choice 28).
 */
export function isCompressible(headers: Headers): boolean {
	const type = headers.get('content-type');
	if (type === null) return false;
	const essence = type.split(';', 1)[0]!.trim().toLowerCase();
	if (!COMPRESSIBLE_TYPES.has(essence)) return false;
	if (headers.has('content-encoding')) return false;
	return !/(^|,)\s*no-transform\s*(,|$)/i.test(headers.get('cache-control') ?? '');
}

/** Brotli quality 5: close to gzip -9 in size at a fraction of quality 11's time per store. */
const BROTLI_QUALITY = 5;

/**
 * `bytes` in memory of their own size. A view of a larger buffer keeps all of it alive: zlib's
 * result views a 64 KiB output chunk, so 10,000 stored pages held 480 MiB instead of 39 (measured
 * with `npm run bench`).
 */
export function ownBytes(bytes: Uint8Array): Buffer {
	if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) {
		return Buffer.from(bytes.buffer, 0, bytes.byteLength);
	}
	const copy = new Uint8Array(bytes.byteLength);
	copy.set(bytes);
	return Buffer.from(copy.buffer);
}

/** The compressed copies of `body` that are smaller than it. */
export function compressedCopies(body: Uint8Array): Partial<Record<Coding, Buffer>> {
	const copies: Partial<Record<Coding, Buffer>> = {};
	const br = brotliCompressSync(body, {
		params: {
			[constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
			[constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
		},
	});
	if (br.byteLength < body.byteLength) copies.br = ownBytes(br);
	const gzip = gzipSync(body);
	if (gzip.byteLength < body.byteLength) copies.gzip = ownBytes(gzip);
	return copies;
}

/** `Accept-Encoding` as coding → q-value (lower-case names; `x-gzip` is `gzip`, RFC 9110 §8.4.1.3). */
function parseAcceptEncoding(header: string): Map<string, number> {
	const weights = new Map<string, number>();
	for (const member of header.split(',')) {
		const [rawName, ...params] = member.split(';');
		let name = rawName!.trim().toLowerCase();
		if (name === '') continue;
		if (name === 'x-gzip') name = 'gzip';
		let q = 1;
		for (const param of params) {
			const [key, value] = param.split('=');
			if (key?.trim().toLowerCase() === 'q') q = Number(value?.trim());
		}
		if (!Number.isFinite(q) || q < 0 || q > 1) q = 0;
		if (!weights.has(name)) weights.set(name, q);
	}
	return weights;
}

/**
 * The encoding to send for `acceptEncoding` among the `available` codings. No header (or an empty
 * one) gets `identity`. Otherwise the coding with the highest q wins, `br` before `gzip` on a tie
 * (the platform prefers brotli); `*` stands for codings not named. `identity` wins only when it is
 * named with a higher q than every coding. When nothing acceptable is available, even with
 * `identity;q=0`, the body goes out unencoded rather than as a 406 (RFC 9110 §12.5.3 allows
 * either; [U], runtime README choice 28).
 */
export function negotiateEncoding(
	acceptEncoding: string | null,
	available: Readonly<Partial<Record<Coding, unknown>>>,
): Encoding {
	if (acceptEncoding === null) return 'identity';
	const hasBr = available.br !== undefined;
	const hasGzip = available.gzip !== undefined;
	if (!hasBr && !hasGzip) return 'identity';
	const memoKey = `${hasBr ? 'b' : '-'}${hasGzip ? 'g' : '-'}${acceptEncoding}`;
	let encoding = negotiated.get(memoKey);
	if (encoding === undefined) {
		encoding = negotiate(acceptEncoding, hasBr, hasGzip);
		if (negotiated.size >= NEGOTIATED_MAX) negotiated.clear();
		negotiated.set(memoKey, encoding);
	}
	return encoding;
}

/**
 * Choices by header value and available codings. Clients send few distinct values (each browser
 * one), and parsing per request made a compressed HIT cost 16 % more CPU than a plain one
 * (`npm run bench`); bounded, since a visitor can send any value.
 */
const negotiated = new Map<string, Encoding>();
const NEGOTIATED_MAX = 256;

function negotiate(acceptEncoding: string, hasBr: boolean, hasGzip: boolean): Encoding {
	if (acceptEncoding.trim() === '') return 'identity';
	const available = { br: hasBr ? true : undefined, gzip: hasGzip ? true : undefined };
	const weights = parseAcceptEncoding(acceptEncoding);
	const star = weights.get('*');
	const weight = (coding: string) => weights.get(coding) ?? star ?? 0;
	let best: Encoding = 'identity';
	let bestQ = 0;
	for (const coding of ['br', 'gzip'] as const) {
		if (available[coding] === undefined) continue;
		const q = weight(coding);
		if (q > bestQ) {
			best = coding;
			bestQ = q;
		}
	}
	const identityQ = weights.get('identity');
	if (identityQ !== undefined && identityQ > bestQ) return 'identity';
	return best;
}

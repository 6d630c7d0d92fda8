import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { answerStored, prepareResponse } from '../../cache/entry.ts';
import type { Preferences } from '../../cache/answer.ts';
import { createCaches } from '../../cache/index.ts';
import { prerenderOutput, START } from './support.ts';

const html = `<!doctype html>${'<p>hello compression</p>'.repeat(100)}`;
const body = new TextEncoder().encode(html);
const htmlHeaders = () => new Headers({ 'content-type': 'text/html; charset=utf-8' });
const ask = (acceptEncoding: string | null, ifNoneMatch: string | null = null): Preferences => ({
	acceptEncoding,
	ifNoneMatch,
	head: false,
});

function header(headers: readonly string[], name: string): string | undefined {
	const index = headers.findIndex((part, at) => at % 2 === 0 && part === name);
	return index === -1 ? undefined : headers[index + 1];
}

describe('stored copies', () => {
	it('keeps br and gzip copies of a text body that decode to the body', () => {
		const { representations } = prepareResponse(200, htmlHeaders(), body, START);
		expect(brotliDecompressSync(representations.br!.body).toString()).toBe(html);
		expect(gunzipSync(representations.gzip!.body).toString()).toBe(html);
		expect(header(representations.br!.headers, 'content-encoding')).toBe('br');
		expect(header(representations.br!.headers, 'content-length')).toBe(
			String(representations.br!.body.byteLength),
		);
		expect(header(representations.identity.headers, 'content-encoding')).toBeUndefined();
	});

	it('holds only the bytes of each copy, not the larger buffers they were made in', () => {
		const inLargerBuffer = new Uint8Array(body.byteLength + 4096);
		inLargerBuffer.set(body);
		const view = inLargerBuffer.subarray(0, body.byteLength);
		const { representations } = prepareResponse(200, htmlHeaders(), view, START);
		for (const copy of [representations.identity, representations.br!, representations.gzip!]) {
			expect(copy.body.buffer.byteLength).toBe(copy.body.byteLength);
		}
	});

	it('compresses once: every answer hands out the same stored bytes', () => {
		const stored = prepareResponse(200, htmlHeaders(), body, START);
		const first = answerStored(stored, 'HIT', 0, ask('br'));
		const second = answerStored(stored, 'HIT', 3, ask('br'));
		expect(first.body).toBe(stored.representations.br!.body);
		expect(second.body).toBe(first.body);
	});

	it('gives each copy its own strong ETag and says the answer varies by Accept-Encoding', () => {
		const { representations } = prepareResponse(200, htmlHeaders(), body, START);
		const tags = [representations.identity, representations.br!, representations.gzip!].map(
			(copy) => copy.etag,
		);
		expect(new Set(tags).size).toBe(3);
		for (const tag of tags) expect(tag).toMatch(/^"[^"]+"$/);
		for (const copy of [representations.identity, representations.br!]) {
			expect(header(copy.headers, 'vary')).toBe('accept-encoding');
			expect(header(copy.headers, 'etag')).toBe(copy.etag);
		}
	});

	it("keeps a function's own ETag for the plain copy and derives one per coding", () => {
		const headers = htmlHeaders();
		headers.set('etag', 'W/"v1"');
		headers.set('vary', 'Accept-Language');
		const { representations } = prepareResponse(200, headers, body, START);
		expect(representations.identity.etag).toBe('W/"v1"');
		expect(representations.br!.etag).toBe('W/"v1-br"');
		expect(representations.gzip!.etag).toBe('W/"v1-gzip"');
		expect(header(representations.gzip!.headers, 'vary')).toBe('Accept-Language, accept-encoding');
	});

	it('keeps no compressed copy of a binary type, or one that would not be smaller', () => {
		const png = new Headers({ 'content-type': 'image/png' });
		expect(prepareResponse(200, png, body, START).representations.br).toBeUndefined();
		const tiny = prepareResponse(200, htmlHeaders(), new TextEncoder().encode('a'), START);
		expect(tiny.representations).not.toHaveProperty('gzip');
		expect(header(tiny.representations.identity.headers, 'vary')).toBeUndefined();
	});

	it('counts every copy in the bytes the store bounds', async () => {
		const storedBytes = async (contentType: string) => {
			const caches = createCaches({ now: () => START });
			const invoke = async () => new Response(html, { headers: { 'content-type': contentType } });
			await caches.prerender.serve(new Request('https://a.test/_isr'), prerenderOutput(), invoke);
			return caches.stats().bytes;
		};
		const { br, gzip } = prepareResponse(200, htmlHeaders(), body, START).representations;
		const copies = br!.body.byteLength + gzip!.body.byteLength;
		const text = await storedBytes('text/html');
		const binary = await storedBytes('application/x-binary');
		expect(text - binary).toBeGreaterThan(copies);
	});
});

describe('conditional answers', () => {
	it('answers 304 when If-None-Match names the copy the request would get', () => {
		const stored = prepareResponse(200, htmlHeaders(), body, START);
		const { br, gzip } = stored.representations;
		const notModified = answerStored(stored, 'HIT', 5, ask('br', br!.etag));
		expect(notModified.status).toBe(304);
		expect(notModified.body).toBeNull();
		expect(header(notModified.headers, 'etag')).toBe(br!.etag);
		expect(header(notModified.headers, 'vary')).toBe('accept-encoding');
		expect(header(notModified.headers, 'x-vercel-cache')).toBe('HIT');
		expect(header(notModified.headers, 'age')).toBe('5');
		expect(header(notModified.headers, 'content-length')).toBeUndefined();
		// The gzip copy's tag does not stand for the br copy.
		expect(answerStored(stored, 'HIT', 5, ask('br', gzip!.etag)).status).toBe(200);
		expect(answerStored(stored, 'HIT', 5, ask('br', `W/${br!.etag}`)).status).toBe(304);
	});

	it('answers HEAD with 304 too, and leaves statuses other than 2xx alone', () => {
		const stored = prepareResponse(200, htmlHeaders(), body, START);
		const { etag } = stored.representations.identity;
		expect(answerStored(stored, 'HIT', 0, { ...ask(null, etag), head: true }).status).toBe(304);
		const missing = prepareResponse(404, htmlHeaders(), body, START);
		const tag = missing.representations.identity.etag;
		expect(answerStored(missing, 'HIT', 0, ask(null, tag)).status).toBe(404);
	});
});

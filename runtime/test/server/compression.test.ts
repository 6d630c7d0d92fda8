import { readFile } from 'node:fs/promises';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, type Runtime } from '../../handler.ts';
import { startServer, type RunningServer } from '../../server.ts';
import { fixture } from '../support/fixtures.ts';
import { rawFetch } from '../support/raw-http.ts';

let runtime: Runtime;
let server: RunningServer;

beforeAll(async () => {
	runtime = await createRuntime({ outputDir: fixture('compression') });
	server = await startServer({
		handle: runtime.handle,
		answer: runtime.answer,
		port: 0,
		host: '127.0.0.1',
	});
});

afterAll(async () => {
	await server.close();
	await runtime.close();
});

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
	rawFetch(`${server.url}${path}`, { method, headers });

describe('compression over a real port', () => {
	it('serves an ISR page as br, gzip or plain per Accept-Encoding, each decoding to the same page', async () => {
		const plain = await get('/page/a');
		expect(plain.headers['x-vercel-cache']).toBe('MISS');
		const br = await get('/page/a', { 'accept-encoding': 'gzip, deflate, br' });
		const gzip = await get('/page/a', { 'accept-encoding': 'gzip' });
		const identity = await get('/page/a');
		expect(br.headers['x-vercel-cache']).toBe('HIT');
		expect(br.headers['content-encoding']).toBe('br');
		expect(gzip.headers['content-encoding']).toBe('gzip');
		expect(identity.headers['content-encoding']).toBeUndefined();
		expect(brotliDecompressSync(br.body).equals(identity.body)).toBe(true);
		expect(gunzipSync(gzip.body).equals(identity.body)).toBe(true);
		expect(br.body.byteLength).toBeLessThan(identity.body.byteLength);
		expect(Number(br.headers['content-length'])).toBe(br.body.byteLength);
		for (const answer of [br, gzip, identity]) expect(answer.headers.vary).toBe('accept-encoding');
		expect(new Set([br, gzip, identity].map((answer) => answer.headers.etag)).size).toBe(3);
	});

	it('compresses the answer of the MISS that stores the page too', async () => {
		const miss = await get('/page/b', { 'accept-encoding': 'br' });
		expect(miss.headers['x-vercel-cache']).toBe('MISS');
		expect(miss.headers['content-encoding']).toBe('br');
		expect(brotliDecompressSync(miss.body).toString()).toContain('<li>b item 0</li>');
	});

	it('answers If-None-Match with 304 and no body, keeping the validators and cache headers', async () => {
		await get('/page/c');
		const hit = await get('/page/c', { 'accept-encoding': 'br' });
		const etag = hit.headers.etag!;
		const notModified = await get('/page/c', { 'accept-encoding': 'br', 'if-none-match': etag });
		expect(notModified.status).toBe(304);
		expect(notModified.body.byteLength).toBe(0);
		expect(notModified.headers).toMatchObject({
			etag,
			vary: 'accept-encoding',
			'x-vercel-cache': 'HIT',
			'cache-control': hit.headers['cache-control'],
			date: hit.headers.date,
		});
		expect(notModified.headers.age).toBeDefined();
		// The br copy's tag does not validate the plain copy.
		expect((await get('/page/c', { 'if-none-match': etag })).status).toBe(200);
		const head = await get('/page/c', { 'accept-encoding': 'br', 'if-none-match': etag }, 'HEAD');
		expect(head.status).toBe(304);
	});

	it('answers HEAD with the headers of the copy GET would get and no body', async () => {
		await get('/page/d');
		const head = await get('/page/d', { 'accept-encoding': 'gzip' }, 'HEAD');
		const body = await get('/page/d', { 'accept-encoding': 'gzip' });
		expect(head.status).toBe(200);
		expect(head.body.byteLength).toBe(0);
		expect(head.headers['content-length']).toBe(body.headers['content-length']);
		expect(head.headers.etag).toBe(body.headers.etag);
	});

	it('serves a static text file compressed with an ETag, and 304 on a weak match', async () => {
		const css = await readFile(`${fixture('compression')}/static/styles.css`);
		const first = await get('/styles.css', { 'accept-encoding': 'gzip' });
		expect(first.headers['content-encoding']).toBe('gzip');
		expect(gunzipSync(first.body).equals(css)).toBe(true);
		expect(first.headers['x-route']).toBe('styles');
		expect(first.headers['x-vercel-cache']).toBe('HIT');
		const again = await get('/styles.css', { 'accept-encoding': 'gzip' });
		expect(again.headers.etag).toBe(first.headers.etag);
		const weak = `W/${first.headers.etag}`;
		const notModified = await get('/styles.css', {
			'accept-encoding': 'gzip',
			'if-none-match': weak,
		});
		expect(notModified.status).toBe(304);
		expect(notModified.headers['x-route']).toBe('styles');
		expect((await get('/styles.css', { 'if-none-match': '*' })).status).toBe(304);
	});

	it('serves a CDN-cached function response compressed and conditionally, like an ISR page', async () => {
		const miss = await get('/cached', { 'accept-encoding': 'gzip' });
		expect(miss.headers['x-vercel-cache']).toBe('MISS');
		const hit = await get('/cached', { 'accept-encoding': 'gzip' });
		expect(hit.headers['x-vercel-cache']).toBe('HIT');
		expect(hit.headers['content-encoding']).toBe('gzip');
		const page = JSON.parse(gunzipSync(hit.body).toString()) as { count: number };
		expect(page.count).toBe(1);
		const etag = hit.headers.etag!;
		const notModified = await get('/cached', { 'accept-encoding': 'gzip', 'if-none-match': etag });
		expect(notModified.status).toBe(304);
		expect(notModified.headers['x-vercel-cache']).toBe('HIT');
	});

	it('sends binary files and bodies too small to gain as they are, with an ETag', async () => {
		const png = await get('/pixel.png', { 'accept-encoding': 'br, gzip' });
		expect(png.headers['content-encoding']).toBeUndefined();
		expect(png.headers.vary).toBeUndefined();
		expect(png.headers.etag).toMatch(/^"[^"]+"$/);
		const tiny = await get('/tiny.txt', { 'accept-encoding': 'br, gzip' });
		expect(tiny.headers['content-encoding']).toBeUndefined();
		expect(tiny.body.toString()).toBe('ok\n');
	});
});

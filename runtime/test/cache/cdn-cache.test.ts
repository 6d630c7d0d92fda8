import { describe, expect, it } from 'vitest';
import { deferred, get, recordingInvoke, setupCaches, START } from './support.ts';

const API = 'https://a.test/api/data?x=1';

const cached = (cacheControl: Record<string, string>) =>
	recordingInvoke((_, call) => new Response(`render ${call}`, { headers: cacheControl }));

describe('CDN cache', () => {
	it('answers MISS, then HIT, then STALE with one background revalidation, then HIT', async () => {
		const { clock, caches } = setupCaches();
		const { invoke, calls } = cached({ 'cache-control': 's-maxage=10, stale-while-revalidate=50' });

		const miss = await caches.cdn.serve(get(API), '/api', invoke);
		expect(miss.headers.get('x-vercel-cache')).toBe('MISS');
		expect(miss.headers.get('age')).toBe('0');
		expect(miss.headers.get('date')).toBe(new Date(START).toUTCString());
		clock.advance(5_000);
		const hit = await caches.cdn.serve(get(API), '/api', invoke);
		expect(hit.headers.get('x-vercel-cache')).toBe('HIT');
		expect(hit.headers.get('age')).toBe('5');

		clock.advance(5_000);
		const stale = await Promise.all(
			[1, 2, 3].map(() => caches.cdn.serve(get(API), '/api', invoke)),
		);
		expect(stale.map((r) => r.headers.get('x-vercel-cache'))).toEqual(['STALE', 'STALE', 'STALE']);
		expect(await stale[0]!.text()).toBe('render 1');
		await caches.settled();
		expect(calls).toHaveLength(2);

		const fresh = await caches.cdn.serve(get(API), '/api', invoke);
		expect(fresh.headers.get('x-vercel-cache')).toBe('HIT');
		expect(await fresh.text()).toBe('render 2');
	});

	it('answers MISS again once the stale-while-revalidate window is over', async () => {
		const { clock, caches } = setupCaches();
		const { invoke, calls } = cached({ 'cache-control': 's-maxage=10, stale-while-revalidate=5' });
		await caches.cdn.serve(get(API), '/api', invoke);
		clock.advance(15_000);
		const response = await caches.cdn.serve(get(API), '/api', invoke);
		expect(response.headers.get('x-vercel-cache')).toBe('MISS');
		expect(calls).toHaveLength(2);
	});

	it('does not collapse concurrent cold misses', async () => {
		const { caches } = setupCaches();
		const gate = deferred<void>();
		const { invoke, calls } = recordingInvoke(async () => {
			await gate.promise;
			return new Response('x', { headers: { 'cache-control': 's-maxage=60' } });
		});
		const pending = [1, 2, 3].map(() => caches.cdn.serve(get(API), '/api', invoke));
		gate.resolve();
		await Promise.all(pending);
		expect(calls).toHaveLength(3);
	});

	it('keys on host, path and the full query', async () => {
		const { caches } = setupCaches();
		const { invoke, calls } = cached({ 'cache-control': 's-maxage=60' });
		await caches.cdn.serve(get(API), '/api', invoke);
		await caches.cdn.serve(get(`${API}&y=2`), '/api', invoke);
		await caches.cdn.serve(get('https://b.test/api/data?x=1'), '/api', invoke);
		const hit = await caches.cdn.serve(get(API), '/api', invoke);
		expect(hit.headers.get('x-vercel-cache')).toBe('HIT');
		expect(calls).toHaveLength(3);
	});

	it('streams responses it may not store and answers MISS every time', async () => {
		const { caches } = setupCaches();
		const { invoke, calls } = cached({ 'cache-control': 'private, s-maxage=60' });
		for (const call of [1, 2]) {
			const response = await caches.cdn.serve(get(API), '/api', invoke);
			expect(response.headers.get('x-vercel-cache')).toBe('MISS');
			expect(await response.text()).toBe(`render ${call}`);
		}
		expect(calls).toHaveLength(2);
		expect(caches.stats().entries).toBe(0);
	});

	it('never stores for requests with Authorization or Range, or other methods', async () => {
		const { caches } = setupCaches();
		const { invoke, calls } = cached({ 'cache-control': 's-maxage=60' });
		await caches.cdn.serve(get(API, { headers: { authorization: 'Bearer t' } }), '/api', invoke);
		await caches.cdn.serve(get(API, { headers: { range: 'bytes=0-1' } }), '/api', invoke);
		const post = await caches.cdn.serve(get(API, { method: 'POST', body: 'b' }), '/api', invoke);
		expect(post.headers.get('x-vercel-cache')).toBe('MISS');
		expect(calls.map((r) => r.method)).toEqual(['GET', 'GET', 'POST']);
		expect(caches.stats().entries).toBe(0);
	});

	it('consumes Vercel-CDN-Cache-Control and forwards CDN-Cache-Control and Cache-Control', async () => {
		const { caches } = setupCaches();
		const { invoke } = cached({
			'vercel-cdn-cache-control': 'max-age=60',
			'cdn-cache-control': 'max-age=30',
			'cache-control': 'public, max-age=0, s-maxage=5',
		});
		for (const status of ['MISS', 'HIT']) {
			const response = await caches.cdn.serve(get(API), '/api', invoke);
			expect(response.headers.get('x-vercel-cache')).toBe(status);
			expect(response.headers.has('vercel-cdn-cache-control')).toBe(false);
			expect(response.headers.get('cdn-cache-control')).toBe('max-age=30');
			expect(response.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=5');
		}
	});

	it('strips s-maxage and stale-while-revalidate when only Cache-Control was used', async () => {
		const { caches } = setupCaches();
		const { invoke } = cached({ 'cache-control': 'public, s-maxage=60, stale-while-revalidate=9' });
		const response = await caches.cdn.serve(get(API), '/api', invoke);
		expect(response.headers.get('cache-control')).toBe('public');
	});

	it('serves HEAD from the GET entry', async () => {
		const { caches } = setupCaches();
		const { invoke, calls } = cached({ 'cache-control': 's-maxage=60' });
		const head = await caches.cdn.serve(get(API, { method: 'HEAD' }), '/api', invoke);
		expect(await head.text()).toBe('');
		const body = await caches.cdn.serve(get(API), '/api', invoke);
		expect(body.headers.get('x-vercel-cache')).toBe('HIT');
		expect(await body.text()).toBe('render 1');
		expect(calls.map((r) => r.method)).toEqual(['GET']);
	});

	it('keeps the variant named by Vary and replaces it when another is asked for', async () => {
		const { caches } = setupCaches();
		const { invoke, calls } = cached({ 'cache-control': 's-maxage=60', vary: 'accept-language' });
		const french = () => get(API, { headers: { 'accept-language': 'fr' } });
		await caches.cdn.serve(french(), '/api', invoke);
		expect((await caches.cdn.serve(french(), '/api', invoke)).headers.get('x-vercel-cache')).toBe(
			'HIT',
		);
		const english = await caches.cdn.serve(
			get(API, { headers: { 'accept-language': 'en' } }),
			'/api',
			invoke,
		);
		expect(english.headers.get('x-vercel-cache')).toBe('MISS');
		expect(calls).toHaveLength(2);
	});

	it('revalidates a stale entry in the foreground for Pragma: no-cache', async () => {
		const { clock, caches } = setupCaches();
		const { invoke } = cached({ 'cache-control': 's-maxage=10, stale-while-revalidate=60' });
		await caches.cdn.serve(get(API), '/api', invoke);
		clock.advance(10_000);
		const response = await caches.cdn.serve(
			get(API, { headers: { pragma: 'no-cache' } }),
			'/api',
			invoke,
		);
		expect(response.headers.get('x-vercel-cache')).toBe('REVALIDATED');
		expect(await response.text()).toBe('render 2');
	});

	it('keeps the stale entry when a background revalidation is not storable', async () => {
		const { clock, caches, errors } = setupCaches();
		const { invoke } = recordingInvoke((_, call) =>
			call === 1
				? new Response('good', {
						headers: { 'cache-control': 's-maxage=10, stale-while-revalidate=60' },
					})
				: new Response('bad', { status: 500 }),
		);
		await caches.cdn.serve(get(API), '/api', invoke);
		clock.advance(10_000);
		await caches.cdn.serve(get(API), '/api', invoke);
		await caches.settled();
		const stale = await caches.cdn.serve(get(API), '/api', invoke);
		expect(stale.headers.get('x-vercel-cache')).toBe('STALE');
		expect(await stale.text()).toBe('good');
		await caches.settled();
		expect(errors[0]?.reason).toBe('not storable: status 500');
	});

	const newerStores: Record<string, { wait: number; init: RequestInit; status: string }> = {
		'a MISS after the stale-while-revalidate window': { wait: 5_000, init: {}, status: 'MISS' },
		'a Pragma: no-cache revalidation': {
			wait: 1_000,
			init: { headers: { pragma: 'no-cache' } },
			status: 'REVALIDATED',
		},
	};
	for (const [label, { wait, init, status }] of Object.entries(newerStores)) {
		it(`does not let a slow background revalidation replace the entry of ${label}`, async () => {
			const { clock, caches } = setupCaches();
			const slow = deferred<Response>();
			const headers = { 'cache-control': 's-maxage=10, stale-while-revalidate=5' };
			const { invoke, calls } = recordingInvoke((_, call) =>
				call === 2 ? slow.promise : new Response(`render ${call}`, { headers }),
			);
			await caches.cdn.serve(get(API), '/api', invoke);
			clock.advance(10_000);
			const stale = await caches.cdn.serve(get(API), '/api', invoke);
			expect(stale.headers.get('x-vercel-cache')).toBe('STALE');

			clock.advance(wait);
			const newer = await caches.cdn.serve(get(API, init), '/api', invoke);
			expect(newer.headers.get('x-vercel-cache')).toBe(status);
			expect(await newer.text()).toBe('render 3');

			slow.resolve(new Response('render 2 (old data)', { headers }));
			await caches.settled();
			const hit = await caches.cdn.serve(get(API), '/api', invoke);
			expect(hit.headers.get('x-vercel-cache')).toBe('HIT');
			expect(await hit.text()).toBe('render 3');
			expect(calls).toHaveLength(3);
		});
	}
});

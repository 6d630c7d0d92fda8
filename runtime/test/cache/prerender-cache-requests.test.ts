import { describe, expect, it } from 'vitest';
import { get, prerenderOutput, recordingInvoke, setupCaches, TOKEN } from './support.ts';

const URL_ISR = 'https://a.test/_isr?x_astro_path=/isr';

/** A body of a type that is not compressed, so only its own bytes are stored. */
const binary = (body: string) =>
	new Response(body, { headers: { 'content-type': 'application/octet-stream' } });

describe('prerender cache requests and responses', () => {
	it('keeps the date the function sent', async () => {
		const { caches } = setupCaches();
		const date = 'Tue, 01 Dec 2025 00:00:00 GMT';
		const { invoke } = recordingInvoke(() => new Response('x', { headers: { date } }));
		const response = await caches.prerender.serve(get(URL_ISR), prerenderOutput(), invoke);
		expect(response.headers.get('date')).toBe(date);
	});

	it('strips s-maxage and stale-while-revalidate from the Cache-Control the browser sees', async () => {
		const { caches } = setupCaches();
		const { invoke } = recordingInvoke(
			() =>
				new Response('x', {
					headers: { 'cache-control': 'public, s-maxage=30, stale-while-revalidate=60' },
				}),
		);
		const response = await caches.prerender.serve(get(URL_ISR), prerenderOutput(), invoke);
		expect(response.headers.get('cache-control')).toBe('public');
	});

	it('keys on the allowed query and strips everything else before invoking', async () => {
		const { caches } = setupCaches();
		const { invoke, calls } = recordingInvoke();
		const output = prerenderOutput({ allowQuery: ['x_astro_path'], passQuery: true });

		await caches.prerender.serve(get(`${URL_ISR}&utm=1`), output, invoke);
		const second = await caches.prerender.serve(get(`${URL_ISR}&utm=2`), output, invoke);
		const other = await caches.prerender.serve(
			get('https://a.test/_isr?x_astro_path=/b'),
			output,
			invoke,
		);

		expect(second.headers.get('x-vercel-cache')).toBe('HIT');
		expect(other.headers.get('x-vercel-cache')).toBe('MISS');
		expect(calls.map((r) => r.url)).toEqual([
			'https://a.test/_isr?x_astro_path=/isr',
			'https://a.test/_isr?x_astro_path=/b',
		]);
	});

	it('invokes without any query unless passQuery is set', async () => {
		const { caches } = setupCaches();
		const { invoke, calls } = recordingInvoke();
		await caches.prerender.serve(get(URL_ISR), prerenderOutput({ allowQuery: undefined }), invoke);
		expect(calls[0]!.url).toBe('https://a.test/_isr');
	});

	it('keeps one entry per host', async () => {
		const { caches } = setupCaches();
		const { invoke, calls } = recordingInvoke();
		const output = prerenderOutput();
		await caches.prerender.serve(get('https://a.test/_isr'), output, invoke);
		const www = await caches.prerender.serve(get('https://www.a.test/_isr'), output, invoke);
		expect(www.headers.get('x-vercel-cache')).toBe('MISS');
		expect(calls).toHaveLength(2);
	});

	it('serves HEAD from the GET entry and fills it with a GET invocation', async () => {
		const { caches } = setupCaches();
		const { invoke, calls } = recordingInvoke(() => new Response('body text'));
		const output = prerenderOutput();

		const head = await caches.prerender.serve(get(URL_ISR, { method: 'HEAD' }), output, invoke);
		expect(head.headers.get('x-vercel-cache')).toBe('MISS');
		expect(head.headers.get('content-length')).toBe('9');
		expect(await head.text()).toBe('');
		expect(calls[0]!.method).toBe('GET');

		const body = await caches.prerender.serve(get(URL_ISR), output, invoke);
		expect(body.headers.get('x-vercel-cache')).toBe('HIT');
		expect(await body.text()).toBe('body text');
		const headAgain = await caches.prerender.serve(
			get(URL_ISR, { method: 'HEAD' }),
			output,
			invoke,
		);
		expect(headAgain.headers.get('x-vercel-cache')).toBe('HIT');
		expect(await headAgain.text()).toBe('');
		expect(calls).toHaveLength(1);
	});

	it('passes other methods through uncached with their body, answering MISS', async () => {
		const { caches } = setupCaches();
		const { invoke, calls } = recordingInvoke(
			async (request) => new Response(await request.text()),
		);
		const output = prerenderOutput({ allowQuery: ['x_astro_path'], passQuery: true });

		for (const call of [1, 2]) {
			const response = await caches.prerender.serve(
				get(`${URL_ISR}&utm=1`, { method: 'POST', body: `payload ${call}` }),
				output,
				invoke,
			);
			expect(response.headers.get('x-vercel-cache')).toBe('MISS');
			expect(await response.text()).toBe(`payload ${call}`);
		}
		expect(calls.map((r) => [r.method, r.url])).toEqual([
			['POST', 'https://a.test/_isr?x_astro_path=/isr'],
			['POST', 'https://a.test/_isr?x_astro_path=/isr'],
		]);
		expect(caches.stats().entries).toBe(0);
	});

	it('stores a response with Set-Cookie and warns once per output', async () => {
		const { clock, caches, warnings } = setupCaches();
		const { invoke } = recordingInvoke(
			() => new Response('x', { headers: { 'set-cookie': 'session=abc' } }),
		);
		const output = prerenderOutput({ expiration: 1 });
		await caches.prerender.serve(get(URL_ISR), output, invoke);
		clock.advance(1_000);
		const stale = await caches.prerender.serve(get(URL_ISR), output, invoke);
		await caches.settled();
		expect(stale.headers.get('x-vercel-cache')).toBe('STALE');
		expect(stale.headers.get('set-cookie')).toBe('session=abc');
		expect(warnings).toHaveLength(1);
		expect(warnings[0]!.message).toContain('Set-Cookie');
	});

	it('counts a stored body once, with its headers and key, in the byte bound', async () => {
		const { caches } = setupCaches();
		const { invoke } = recordingInvoke(() => binary('x'.repeat(300)));
		await caches.prerender.serve(get(URL_ISR), prerenderOutput(), invoke);
		const hit = await caches.prerender.serve(get(URL_ISR), prerenderOutput(), invoke);
		let headerChars = 0;
		for (const [name, value] of hit.headers) {
			if (name !== 'x-vercel-cache' && name !== 'age') headerChars += name.length + value.length;
		}
		const key = 'isr:a.test/_isr?x_astro_path=/isr';
		expect(caches.stats().bytes).toBe(300 + headerChars + key.length);
	});

	it('serves a response larger than the store bound without storing it', async () => {
		const { caches } = setupCaches({ maxBytes: 1_000 });
		const { invoke, calls } = recordingInvoke(() => new Response('x'.repeat(2_000)));
		const output = prerenderOutput();
		const first = await caches.prerender.serve(get(URL_ISR), output, invoke);
		expect((await first.text()).length).toBe(2_000);
		const second = await caches.prerender.serve(get(URL_ISR), output, invoke);
		expect(second.headers.get('x-vercel-cache')).toBe('MISS');
		expect(calls).toHaveLength(2);
		expect(caches.stats().entries).toBe(0);
	});

	it('evicts the least recently used entry across both caches when the byte bound is reached', async () => {
		const { caches } = setupCaches({ maxBytes: 1_000 });
		const { invoke, calls } = recordingInvoke(() => binary('x'.repeat(300)));
		const output = prerenderOutput();
		const serve = (path: string) =>
			caches.prerender.serve(get(`https://a.test/_isr?p=${path}`), output, invoke);
		const cdnInvoke = async () =>
			new Response('y'.repeat(300), {
				headers: { 'cache-control': 's-maxage=60', 'content-type': 'application/octet-stream' },
			});

		await serve('a');
		await serve('b');
		await serve('a');
		await caches.cdn.serve(get('https://a.test/api/c'), '/api', cdnInvoke);
		expect(caches.stats().entries).toBe(2);
		expect(caches.stats().bytes).toBeLessThanOrEqual(1_000);

		expect((await serve('a')).headers.get('x-vercel-cache')).toBe('HIT');
		expect((await serve('b')).headers.get('x-vercel-cache')).toBe('MISS');
		expect(calls).toHaveLength(3);
	});
});

describe('prerender cache render requests', () => {
	const visitorHeaders = {
		cookie: 'session=visitor',
		authorization: 'Bearer visitor',
		'x-astro-locals': '1',
		'user-agent': 'Mozilla/5.0 (visitor)',
	};

	// What Astro's ISR entrypoint does with `x-astro-locals` from anyone but its middleware.
	const astroLike = () =>
		recordingInvoke((request, call) =>
			request.headers.has('x-astro-locals')
				? new Response('Forbidden', { status: 403 })
				: new Response(`render ${call}`),
		);

	it("regenerates a stale page in the background without the visitor's cookie or x-astro-locals", async () => {
		const { clock, caches, errors } = setupCaches();
		const { invoke, calls } = astroLike();
		const output = prerenderOutput({ expiration: 10 });
		await caches.prerender.serve(get(URL_ISR), output, invoke);
		clock.advance(11_000);

		const stale = await caches.prerender.serve(
			get(URL_ISR, { headers: visitorHeaders }),
			output,
			invoke,
		);
		expect(stale.headers.get('x-vercel-cache')).toBe('STALE');
		await caches.settled();

		const background = calls[1]!;
		for (const name of Object.keys(visitorHeaders)) {
			expect(background.headers.get(name)).not.toBe(visitorHeaders[name as 'cookie']);
		}
		expect(errors).toEqual([]);
		const hit = await caches.prerender.serve(get(URL_ISR), output, invoke);
		expect(await hit.text()).toBe('render 2');
	});

	it("renders a MISS without the visitor's cookie, authorization or x-astro-locals", async () => {
		const { caches } = setupCaches();
		const { invoke, calls } = astroLike();
		const miss = await caches.prerender.serve(
			get(URL_ISR, { headers: visitorHeaders }),
			prerenderOutput(),
			invoke,
		);
		expect(miss.status).toBe(200);
		expect(calls[0]!.headers.has('cookie')).toBe(false);
		expect(calls[0]!.headers.has('authorization')).toBe(false);
		expect(calls[0]!.headers.get('user-agent')).toBe('vercel-runtime-regeneration');
	});

	it("passes the visitor's cookie to a Draft Mode render, which is not stored", async () => {
		const { caches } = setupCaches();
		const { invoke, calls } = recordingInvoke();
		const cookie = `__prerender_bypass=${TOKEN}; session=visitor`;
		const bypass = await caches.prerender.serve(
			get(URL_ISR, { headers: { cookie } }),
			prerenderOutput(),
			invoke,
		);
		expect(bypass.headers.get('x-vercel-cache')).toBe('BYPASS');
		expect(calls[0]!.headers.get('cookie')).toBe(cookie);
	});
});

describe('prerender cache and crawlers', () => {
	const fallback = { body: new TextEncoder().encode('fallback'), contentType: 'text/html' };
	const googlebot = {
		headers: {
			'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
		},
	};

	it('gives a crawler the full render instead of the fallback, as BYPASS, and stores it', async () => {
		const { caches } = setupCaches();
		const { invoke, calls } = recordingInvoke();
		const output = prerenderOutput({}, fallback);
		const crawler = await caches.prerender.serve(get(URL_ISR, googlebot), output, invoke);
		expect(crawler.headers.get('x-vercel-cache')).toBe('BYPASS');
		expect(await crawler.text()).toBe('render 1');

		const visitor = await caches.prerender.serve(get(URL_ISR), output, invoke);
		expect(visitor.headers.get('x-vercel-cache')).toBe('HIT');
		expect(await visitor.text()).toBe('render 1');
		expect(calls).toHaveLength(1);
	});

	it('serves other visitors the fallback as PRERENDER', async () => {
		const { caches } = setupCaches();
		const { invoke } = recordingInvoke();
		const visitor = await caches.prerender.serve(
			get(URL_ISR, { headers: { 'user-agent': 'Mozilla/5.0 Firefox/140.0' } }),
			prerenderOutput({}, fallback),
			invoke,
		);
		expect(visitor.headers.get('x-vercel-cache')).toBe('PRERENDER');
		expect(await visitor.text()).toBe('fallback');
		await caches.settled();
	});
});

import { describe, expect, it } from 'vitest';
import {
	deferred,
	get,
	prerenderOutput,
	recordingInvoke,
	setupCaches,
	START,
	type Deferred,
} from './support.ts';

const URL_ISR = 'https://a.test/_isr?x_astro_path=/isr';

describe('prerender cache', () => {
	it('answers MISS on a cold key, then HIT with the stored date and a rising age', async () => {
		const { clock, caches } = setupCaches();
		const { invoke, calls } = recordingInvoke();
		const output = prerenderOutput();

		const miss = await caches.prerender.serve(get(URL_ISR), output, invoke);
		expect(miss.headers.get('x-vercel-cache')).toBe('MISS');
		expect(miss.headers.get('age')).toBe('0');
		expect(miss.headers.get('date')).toBe(new Date(START).toUTCString());
		expect(await miss.text()).toBe('render 1');

		clock.advance(12_500);
		const hit = await caches.prerender.serve(get(URL_ISR), output, invoke);
		expect(hit.headers.get('x-vercel-cache')).toBe('HIT');
		expect(hit.headers.get('age')).toBe('12');
		expect(hit.headers.get('date')).toBe(new Date(START).toUTCString());
		expect(await hit.text()).toBe('render 1');
		expect(calls).toHaveLength(1);
	});

	it('collapses 50 concurrent cold requests into one invocation, all answered MISS', async () => {
		const { caches } = setupCaches();
		const gate: Deferred<Response> = deferred();
		const { invoke, calls } = recordingInvoke(() => gate.promise);
		const output = prerenderOutput();

		const pending = Array.from({ length: 50 }, () =>
			caches.prerender.serve(get(URL_ISR), output, invoke),
		);
		gate.resolve(new Response('only once'));
		const responses = await Promise.all(pending);

		expect(calls).toHaveLength(1);
		expect(responses.map((r) => r.headers.get('x-vercel-cache'))).toEqual(Array(50).fill('MISS'));
		expect(await Promise.all(responses.map((r) => r.text()))).toEqual(Array(50).fill('only once'));
	});

	it('serves STALE after expiration and regenerates exactly once in the background', async () => {
		const { clock, caches } = setupCaches();
		const gates: Deferred<Response>[] = [];
		const { invoke, calls } = recordingInvoke((_, call) => {
			if (call === 1) return new Response('first');
			const gate = deferred<Response>();
			gates.push(gate);
			return gate.promise;
		});
		const output = prerenderOutput({ expiration: 60 });
		await caches.prerender.serve(get(URL_ISR), output, invoke);

		clock.advance(60_000);
		const stale = await Promise.all(
			Array.from({ length: 10 }, () => caches.prerender.serve(get(URL_ISR), output, invoke)),
		);
		expect(stale.map((r) => r.headers.get('x-vercel-cache'))).toEqual(Array(10).fill('STALE'));
		expect(stale[0]!.headers.get('age')).toBe('60');
		expect(await stale[0]!.text()).toBe('first');
		expect(calls).toHaveLength(2);

		gates[0]!.resolve(new Response('second'));
		await caches.settled();
		const hit = await caches.prerender.serve(get(URL_ISR), output, invoke);
		expect(hit.headers.get('x-vercel-cache')).toBe('HIT');
		expect(hit.headers.get('age')).toBe('0');
		expect(await hit.text()).toBe('second');
		expect(calls).toHaveLength(2);
	});

	it('treats expiration: false as fresh until revalidated', async () => {
		const { clock, caches } = setupCaches();
		const { invoke, calls } = recordingInvoke();
		const output = prerenderOutput({ expiration: false });
		await caches.prerender.serve(get(URL_ISR), output, invoke);
		clock.advance(365 * 24 * 3600 * 1000);
		const response = await caches.prerender.serve(get(URL_ISR), output, invoke);
		expect(response.headers.get('x-vercel-cache')).toBe('HIT');
		expect(calls).toHaveLength(1);
	});

	it('turns an entry stale after the shorter lifetime of its CDN cache header', async () => {
		const { clock, caches } = setupCaches();
		const { invoke } = recordingInvoke(
			(_, call) =>
				new Response(`render ${call}`, {
					headers: {
						'vercel-cdn-cache-control': 'max-age=10',
						'cache-control': 'public, max-age=0',
					},
				}),
		);
		const output = prerenderOutput({ expiration: 60 });
		const miss = await caches.prerender.serve(get(URL_ISR), output, invoke);
		expect(miss.headers.has('vercel-cdn-cache-control')).toBe(false);
		expect(miss.headers.get('cache-control')).toBe('public, max-age=0');

		clock.advance(9_999);
		expect(
			(await caches.prerender.serve(get(URL_ISR), output, invoke)).headers.get('x-vercel-cache'),
		).toBe('HIT');
		clock.advance(1);
		expect(
			(await caches.prerender.serve(get(URL_ISR), output, invoke)).headers.get('x-vercel-cache'),
		).toBe('STALE');
		await caches.settled();
	});

	it('serves the fallback as PRERENDER while generating in the background, then the result', async () => {
		const { caches } = setupCaches();
		const gate = deferred<Response>();
		const { invoke, calls } = recordingInvoke(() => gate.promise);
		const output = prerenderOutput(
			{ initialStatus: 200, initialHeaders: { 'x-fallback': '1' } },
			{ body: new TextEncoder().encode('<p>loading</p>'), contentType: 'text/html' },
		);

		const first = await caches.prerender.serve(get(URL_ISR), output, invoke);
		const second = await caches.prerender.serve(get(URL_ISR), output, invoke);
		for (const response of [first, second]) {
			expect(response.headers.get('x-vercel-cache')).toBe('PRERENDER');
			expect(response.headers.get('content-type')).toBe('text/html');
			expect(response.headers.get('x-fallback')).toBe('1');
			expect(await response.text()).toBe('<p>loading</p>');
		}
		expect(calls).toHaveLength(1);

		gate.resolve(new Response('generated'));
		await caches.settled();
		const hit = await caches.prerender.serve(get(URL_ISR), output, invoke);
		expect(hit.headers.get('x-vercel-cache')).toBe('HIT');
		expect(await hit.text()).toBe('generated');
	});
});

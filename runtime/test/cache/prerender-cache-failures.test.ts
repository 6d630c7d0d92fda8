import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Invoke } from '../../cache/types.ts';
import { get, prerenderOutput, recordingInvoke, setupCaches, TOKEN } from './support.ts';

const URL_ISR = 'https://a.test/_isr';
const LOADING = new TextEncoder().encode('<p>loading</p>');

/** First call renders 'good', later calls fail as `fail` says, then render again when `healed`. */
function failingAfterFirst(fail: () => Promise<Response>) {
	let healed = false;
	const recording = recordingInvoke((_, call) => {
		if (call === 1) return new Response('good');
		return healed ? new Response(`healed ${call}`) : fail();
	});
	return { ...recording, heal: () => (healed = true) };
}

const failures: Record<string, () => Promise<Response>> = {
	'a non-cacheable status': async () => new Response('boom', { status: 500 }),
	'a throw': async () => {
		throw new Error('crashed');
	},
};

describe('prerender cache failures', () => {
	afterEach(() => {
		vi.useRealTimers();
	});

	for (const [label, fail] of Object.entries(failures)) {
		it(`keeps the last good entry after ${label} and retries no sooner than 30 s later`, async () => {
			const { clock, caches, errors } = setupCaches();
			const { invoke, calls, heal } = failingAfterFirst(fail);
			const output = prerenderOutput({ expiration: 10 });
			await caches.prerender.serve(get(URL_ISR), output, invoke);

			clock.advance(10_000);
			const stale = await caches.prerender.serve(get(URL_ISR), output, invoke);
			await caches.settled();
			expect(stale.headers.get('x-vercel-cache')).toBe('STALE');
			expect(calls).toHaveLength(2);
			expect(errors).toEqual([{ key: 'isr:a.test/_isr', reason: expect.any(String) }]);

			clock.advance(29_999);
			const waiting = await caches.prerender.serve(get(URL_ISR), output, invoke);
			await caches.settled();
			expect(waiting.headers.get('x-vercel-cache')).toBe('STALE');
			expect(await waiting.text()).toBe('good');
			expect(calls).toHaveLength(2);

			heal();
			clock.advance(1);
			await caches.prerender.serve(get(URL_ISR), output, invoke);
			await caches.settled();
			expect(calls).toHaveLength(3);
			const hit = await caches.prerender.serve(get(URL_ISR), output, invoke);
			expect(hit.headers.get('x-vercel-cache')).toBe('HIT');
			expect(await hit.text()).toBe('healed 3');
		});
	}

	it('keeps the last good entry after a timeout and retries no sooner than 30 s later', async () => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		const { clock, caches, errors } = setupCaches({ invokeTimeoutMs: 1_000 });
		const { invoke, calls } = failingAfterFirst(() => new Promise<Response>(() => {}));
		const output = prerenderOutput({ expiration: 10 });
		await caches.prerender.serve(get(URL_ISR), output, invoke);

		clock.advance(10_000);
		const stale = await caches.prerender.serve(get(URL_ISR), output, invoke);
		expect(stale.headers.get('x-vercel-cache')).toBe('STALE');
		await vi.advanceTimersByTimeAsync(1_000);
		await caches.settled();
		expect(errors).toEqual([{ key: 'isr:a.test/_isr', reason: 'timed out after 1000 ms' }]);
		expect(calls[1]!.signal.aborted).toBe(true);

		clock.advance(29_999);
		await caches.prerender.serve(get(URL_ISR), output, invoke);
		expect(calls).toHaveLength(2);
		clock.advance(1);
		await caches.prerender.serve(get(URL_ISR), output, invoke);
		expect(calls).toHaveLength(3);
		await vi.advanceTimersByTimeAsync(1_000);
		await caches.settled();
	});

	it('stores nothing when a cold MISS fails, and hands the client the error response', async () => {
		const { caches } = setupCaches();
		const { invoke, calls } = recordingInvoke(
			(_, call) => new Response(`error ${call}`, { status: 503 }),
		);
		const output = prerenderOutput();
		for (const call of [1, 2]) {
			const response = await caches.prerender.serve(get(URL_ISR), output, invoke);
			expect(response.status).toBe(503);
			expect(response.headers.get('x-vercel-cache')).toBe('MISS');
			expect(await response.text()).toBe(`error ${call}`);
		}
		expect(calls).toHaveLength(2);
		expect(caches.stats().entries).toBe(0);
	});

	it('lets a throw on a cold MISS reach every collapsed caller', async () => {
		const { caches } = setupCaches();
		const invoke: Invoke = async () => {
			throw new Error('crashed');
		};
		const output = prerenderOutput();
		const results = await Promise.allSettled(
			[1, 2, 3].map(() => caches.prerender.serve(get(URL_ISR), output, invoke)),
		);
		expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
		expect(caches.stats().entries).toBe(0);
	});

	it('answers 504 FUNCTION_INVOCATION_TIMEOUT when a cold MISS times out', async () => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		const { caches } = setupCaches({ invokeTimeoutMs: 500 });
		const invoke: Invoke = () => new Promise<Response>(() => {});
		const pending = caches.prerender.serve(get(URL_ISR), prerenderOutput(), invoke);
		await vi.advanceTimersByTimeAsync(500);
		const response = await pending;
		expect(response.status).toBe(504);
		expect(response.headers.get('x-vercel-error')).toBe('FUNCTION_INVOCATION_TIMEOUT');
		expect(response.headers.get('x-vercel-cache')).toBe('MISS');
	});

	it('keeps serving the fallback while generation fails, retrying no sooner than 30 s later', async () => {
		const { clock, caches, errors } = setupCaches();
		let healed = false;
		const { invoke, calls } = recordingInvoke((_, call) =>
			healed ? new Response(`render ${call}`) : new Response('no', { status: 500 }),
		);
		const output = prerenderOutput({}, { body: LOADING, contentType: 'text/html' });
		const first = await caches.prerender.serve(get(URL_ISR), output, invoke);
		await caches.settled();
		expect(first.headers.get('x-vercel-cache')).toBe('PRERENDER');
		expect(calls).toHaveLength(1);

		clock.advance(29_999);
		const waiting = await caches.prerender.serve(get(URL_ISR), output, invoke);
		await caches.settled();
		expect(waiting.headers.get('x-vercel-cache')).toBe('PRERENDER');
		expect(await waiting.text()).toBe('<p>loading</p>');
		expect(calls).toHaveLength(1);

		clock.advance(1);
		await caches.prerender.serve(get(URL_ISR), output, invoke);
		await caches.settled();
		expect(calls).toHaveLength(2);
		expect(errors.map((e) => e.reason)).toEqual(['status 500', 'status 500']);

		healed = true;
		clock.advance(30_000);
		await caches.prerender.serve(get(URL_ISR), output, invoke);
		await caches.settled();
		const hit = await caches.prerender.serve(get(URL_ISR), output, invoke);
		expect(hit.headers.get('x-vercel-cache')).toBe('HIT');
		expect(await hit.text()).toBe('render 3');
	});

	it('lifts the retry delay once a render succeeds', async () => {
		const { clock, caches } = setupCaches();
		const { invoke, calls } = recordingInvoke((_, call) =>
			call === 1 ? new Response('no', { status: 500 }) : new Response(`render ${call}`),
		);
		const output = prerenderOutput({ expiration: 10 }, { body: LOADING, contentType: undefined });
		await caches.prerender.serve(get(URL_ISR), output, invoke);
		await caches.settled();
		const revalidate = get(URL_ISR, { headers: { 'x-prerender-revalidate': TOKEN } });
		expect(await (await caches.prerender.serve(revalidate, output, invoke)).text()).toBe(
			'render 2',
		);

		clock.advance(10_000);
		const stale = await caches.prerender.serve(get(URL_ISR), output, invoke);
		await caches.settled();
		expect(stale.headers.get('x-vercel-cache')).toBe('STALE');
		expect(calls).toHaveLength(3);
		const hit = await caches.prerender.serve(get(URL_ISR), output, invoke);
		expect(await hit.text()).toBe('render 3');
	});

	it('does not let an older regeneration replace the entry of a newer revalidation', async () => {
		const { clock, caches } = setupCaches();
		let releaseSlow: (response: Response) => void = () => {};
		const { invoke } = recordingInvoke((_, call) => {
			if (call === 2) return new Promise<Response>((resolve) => (releaseSlow = resolve));
			return new Response(`render ${call}`);
		});
		const output = prerenderOutput({ expiration: 10 });
		await caches.prerender.serve(get(URL_ISR), output, invoke);
		clock.advance(10_000);
		await caches.prerender.serve(get(URL_ISR), output, invoke);
		const revalidate = get(URL_ISR, { headers: { 'x-prerender-revalidate': TOKEN } });
		expect(await (await caches.prerender.serve(revalidate, output, invoke)).text()).toBe(
			'render 3',
		);

		releaseSlow(new Response('render 2 (old data)'));
		await caches.settled();
		const hit = await caches.prerender.serve(get(URL_ISR), output, invoke);
		expect(await hit.text()).toBe('render 3');
	});
});

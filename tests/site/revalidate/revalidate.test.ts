import { describe, expect, it } from 'vitest';
import { revalidatePaths } from '../../../src/revalidate/revalidate.ts';
import { createSiteRuntime } from './site-runtime.ts';

const TOKEN = 'bypass-token-0123456789abcdef0123456789';
const NOW = Date.parse('2026-11-22T12:00:00.000Z');
const local = { origin: 'http://localhost:4321', host: 'localhost:4321' };
const www = { origin: 'https://www.example.com', host: 'www.example.com' };

function respond(status: number, headers: Record<string, string> = {}) {
	return async () => new Response(null, { status, headers });
}

describe('revalidatePaths', () => {
	it('sends GET <path> with x-prerender-revalidate to every host and reports each result', async () => {
		const site = await createSiteRuntime({ bypassToken: TOKEN, now: NOW });
		const results = await revalidatePaths(['/isr', '/data.json'], [local, www], {
			fetch: site.fetch,
			bypassToken: TOKEN,
		});
		expect(site.requests.map((request) => request.url).sort()).toEqual([
			'http://localhost:4321/data.json',
			'http://localhost:4321/isr',
			'https://www.example.com/data.json',
			'https://www.example.com/isr',
		]);
		for (const request of site.requests) {
			expect(request.headers.get('x-prerender-revalidate')).toBe(TOKEN);
			expect(request.headers.has('x-vercel-protection-bypass')).toBe(false);
			expect(request.redirect).toBe('manual');
		}
		const generatedAt = new Date(NOW).toISOString();
		expect(results).toEqual([
			{ path: '/isr', host: 'localhost:4321', status: 'REVALIDATED', httpStatus: 200, generatedAt },
			{
				path: '/isr',
				host: 'www.example.com',
				status: 'REVALIDATED',
				httpStatus: 200,
				generatedAt,
			},
			{
				path: '/data.json',
				host: 'localhost:4321',
				status: 'REVALIDATED',
				httpStatus: 200,
				generatedAt,
			},
			{
				path: '/data.json',
				host: 'www.example.com',
				status: 'REVALIDATED',
				httpStatus: 200,
				generatedAt,
			},
		]);
	});

	it('sends x-vercel-protection-bypass when a bypass secret is configured', async () => {
		const site = await createSiteRuntime({ bypassToken: TOKEN, now: NOW });
		await revalidatePaths(['/isr'], [www], {
			fetch: site.fetch,
			bypassToken: TOKEN,
			protectionBypass: 'automation',
		});
		expect(site.requests[0]?.headers.get('x-vercel-protection-bypass')).toBe('automation');
	});

	it('reports FAILED when the answer is not REVALIDATED (wrong token, or not an ISR route)', async () => {
		const site = await createSiteRuntime({
			bypassToken: 'another-deployments-token-0123456789',
			now: NOW,
		});
		const [hit] = await revalidatePaths(['/isr'], [local], {
			fetch: site.fetch,
			bypassToken: TOKEN,
		});
		expect(hit).toEqual({
			path: '/isr',
			host: 'localhost:4321',
			status: 'FAILED',
			httpStatus: 200,
			reason: 'not revalidated: x-vercel-cache is MISS',
		});
		const [missing] = await revalidatePaths(['/isr'], [local], {
			fetch: respond(200),
			bypassToken: TOKEN,
		});
		expect(missing).toMatchObject({ status: 'FAILED', reason: expect.stringContaining('missing') });
	});

	it('does not repeat an unexpected x-vercel-cache value', async () => {
		const [result] = await revalidatePaths(['/isr'], [local], {
			fetch: respond(200, { 'x-vercel-cache': '<script>' }),
			bypassToken: TOKEN,
		});
		expect(result).toMatchObject({
			status: 'FAILED',
			reason: 'not revalidated: x-vercel-cache is unexpected',
		});
	});

	it('reports FAILED for a status that is never cached, even if marked REVALIDATED', async () => {
		const [result] = await revalidatePaths(['/isr'], [local], {
			fetch: respond(500, { 'x-vercel-cache': 'REVALIDATED' }),
			bypassToken: TOKEN,
		});
		expect(result).toMatchObject({
			status: 'FAILED',
			httpStatus: 500,
			reason: expect.stringContaining('never cached'),
		});
	});

	it.each([404, 308, 410])('accepts a revalidated %i, a cacheable status', async (status) => {
		const [result] = await revalidatePaths(['/blog/gone'], [local], {
			fetch: respond(status, {
				'x-vercel-cache': 'REVALIDATED',
				'x-generated-at': new Date(NOW).toISOString(),
			}),
			bypassToken: TOKEN,
		});
		expect(result).toMatchObject({ status: 'REVALIDATED', httpStatus: status });
	});

	it('reports a timeout and an unreachable host as FAILED without a status', async () => {
		const timeout = async () => {
			throw new DOMException('The operation was aborted due to timeout', 'TimeoutError');
		};
		const refused = async () => {
			throw new TypeError('fetch failed', {
				cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }),
			});
		};
		const [timedOut] = await revalidatePaths(['/isr'], [local], {
			fetch: timeout,
			bypassToken: TOKEN,
			timeoutMs: 2000,
		});
		const [unreachable] = await revalidatePaths(['/isr'], [local], {
			fetch: refused,
			bypassToken: TOKEN,
		});
		expect(timedOut).toMatchObject({
			status: 'FAILED',
			httpStatus: null,
			reason: 'timed out after 2 s',
		});
		expect(unreachable).toMatchObject({
			status: 'FAILED',
			httpStatus: null,
			reason: 'could not reach the host (ECONNREFUSED)',
		});
	});

	it('gives every request an abort signal', async () => {
		const signals: (AbortSignal | null | undefined)[] = [];
		await revalidatePaths(['/isr'], [local], {
			fetch: async (_, init) => {
				signals.push(init?.signal);
				return new Response(null, { headers: { 'x-vercel-cache': 'REVALIDATED' } });
			},
			bypassToken: TOKEN,
		});
		expect(signals[0]).toBeInstanceOf(AbortSignal);
	});

	it('runs at most `concurrency` requests at once', async () => {
		let inFlight = 0;
		let most = 0;
		const pending: (() => void)[] = [];
		const fetchDouble = async () => {
			inFlight += 1;
			most = Math.max(most, inFlight);
			await new Promise<void>((resolve) => pending.push(resolve));
			inFlight -= 1;
			return new Response(null, { headers: { 'x-vercel-cache': 'REVALIDATED' } });
		};
		const run = revalidatePaths(['/', '/isr', '/data.json', '/blog'], [local, www], {
			fetch: fetchDouble,
			bypassToken: TOKEN,
			concurrency: 3,
		});
		let settled = false;
		void run.then(() => (settled = true));
		// Release one request per macrotask, so the limiter has every chance to start more.
		while (!settled) {
			await new Promise((resolve) => setImmediate(resolve));
			pending.shift()?.();
		}
		expect((await run).every((result) => result.status === 'REVALIDATED')).toBe(true);
		expect(most).toBe(3);
	});

	it('cancels each response body instead of buffering it', async () => {
		let cancelled = 0;
		const fetchDouble = async () =>
			new Response(new ReadableStream({ cancel: () => void (cancelled += 1) }), {
				headers: { 'x-vercel-cache': 'REVALIDATED' },
			});
		await revalidatePaths(['/isr', '/data.json'], [local], {
			fetch: fetchDouble,
			bypassToken: TOKEN,
		});
		expect(cancelled).toBe(2);
	});
});

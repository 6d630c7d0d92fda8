import { describe, expect, it } from 'vitest';
import { get, prerenderOutput, recordingInvoke, setupCaches, TOKEN } from './support.ts';

const URL_ISR = 'https://a.test/_isr?x_astro_path=/isr';
const revalidateHeader = (token: string) => ({ headers: { 'x-prerender-revalidate': token } });
const bypassCookie = (token: string) => ({ headers: { cookie: `__prerender_bypass=${token}` } });

describe('prerender cache on-demand revalidation and bypass', () => {
	it('regenerates in the foreground on x-prerender-revalidate and answers REVALIDATED', async () => {
		const { clock, caches } = setupCaches();
		const { invoke, calls } = recordingInvoke();
		const output = prerenderOutput({ expiration: false });
		await caches.prerender.serve(get(URL_ISR), output, invoke);

		clock.advance(5_000);
		const revalidated = await caches.prerender.serve(
			get(URL_ISR, revalidateHeader(TOKEN)),
			output,
			invoke,
		);
		expect(revalidated.headers.get('x-vercel-cache')).toBe('REVALIDATED');
		expect(revalidated.headers.get('age')).toBe('0');
		expect(await revalidated.text()).toBe('render 2');

		const hit = await caches.prerender.serve(get(URL_ISR), output, invoke);
		expect(hit.headers.get('x-vercel-cache')).toBe('HIT');
		expect(await hit.text()).toBe('render 2');
		expect(calls).toHaveLength(2);
	});

	it('revalidates with HEAD too, storing the GET entry', async () => {
		const { caches } = setupCaches();
		const { invoke, calls } = recordingInvoke();
		const output = prerenderOutput();
		const head = get(URL_ISR, { method: 'HEAD', ...revalidateHeader(TOKEN) });
		const response = await caches.prerender.serve(head, output, invoke);
		expect(response.headers.get('x-vercel-cache')).toBe('REVALIDATED');
		expect(await response.text()).toBe('');
		expect(calls[0]!.method).toBe('GET');
		expect(await (await caches.prerender.serve(get(URL_ISR), output, invoke)).text()).toBe(
			'render 1',
		);
	});

	it('keeps the old entry and returns the error response, not REVALIDATED, when revalidation fails', async () => {
		const { caches } = setupCaches();
		const { invoke } = recordingInvoke((_, call) =>
			call === 1 ? new Response('good') : new Response('broken', { status: 500 }),
		);
		const output = prerenderOutput();
		await caches.prerender.serve(get(URL_ISR), output, invoke);

		const failed = await caches.prerender.serve(
			get(URL_ISR, revalidateHeader(TOKEN)),
			output,
			invoke,
		);
		expect(failed.status).toBe(500);
		expect(failed.headers.get('x-vercel-cache')).toBe('MISS');
		expect(await failed.text()).toBe('broken');

		const hit = await caches.prerender.serve(get(URL_ISR), output, invoke);
		expect(hit.headers.get('x-vercel-cache')).toBe('HIT');
		expect(await hit.text()).toBe('good');
	});

	it('treats a wrong revalidate token as an ordinary request', async () => {
		const { caches } = setupCaches();
		const { invoke, calls } = recordingInvoke();
		const output = prerenderOutput();
		await caches.prerender.serve(get(URL_ISR), output, invoke);
		const response = await caches.prerender.serve(
			get(URL_ISR, revalidateHeader('nope')),
			output,
			invoke,
		);
		expect(response.headers.get('x-vercel-cache')).toBe('HIT');
		expect(calls).toHaveLength(1);
	});

	it('answers BYPASS for the Draft Mode cookie and stores nothing', async () => {
		const { caches } = setupCaches();
		const { invoke, calls } = recordingInvoke();
		const output = prerenderOutput();
		await caches.prerender.serve(get(URL_ISR), output, invoke);

		const bypassed = await caches.prerender.serve(
			get(URL_ISR, bypassCookie(TOKEN)),
			output,
			invoke,
		);
		expect(bypassed.headers.get('x-vercel-cache')).toBe('BYPASS');
		expect(bypassed.headers.get('age')).toBe('0');
		expect(await bypassed.text()).toBe('render 2');

		const hit = await caches.prerender.serve(get(URL_ISR), output, invoke);
		expect(await hit.text()).toBe('render 1');
		expect(calls).toHaveLength(2);
	});

	it('does not store a BYPASS render on a cold key', async () => {
		const { caches } = setupCaches();
		const { invoke } = recordingInvoke();
		const output = prerenderOutput();
		await caches.prerender.serve(get(URL_ISR, bypassCookie(TOKEN)), output, invoke);
		expect(caches.stats().entries).toBe(0);
	});

	it('treats a Draft Mode cookie with a wrong token as an ordinary request', async () => {
		const { caches } = setupCaches();
		const { invoke } = recordingInvoke();
		const output = prerenderOutput();
		await caches.prerender.serve(get(URL_ISR), output, invoke);
		const response = await caches.prerender.serve(
			get(URL_ISR, bypassCookie('nope')),
			output,
			invoke,
		);
		expect(response.headers.get('x-vercel-cache')).toBe('HIT');
	});

	it('answers BYPASS for a request matching experimentalBypassFor', async () => {
		const { caches } = setupCaches();
		const { invoke, calls } = recordingInvoke();
		const output = prerenderOutput({
			experimentalBypassFor: [{ type: 'header', key: 'next-action' }],
		});
		await caches.prerender.serve(get(URL_ISR), output, invoke);
		const response = await caches.prerender.serve(
			get(URL_ISR, { headers: { 'next-action': 'abc' } }),
			output,
			invoke,
		);
		expect(response.headers.get('x-vercel-cache')).toBe('BYPASS');
		expect(calls).toHaveLength(2);
	});
});

import { describe, expect, it } from 'vitest';
import type { PrerenderOutput } from '../../cache/types.ts';
import { get, prerenderOutput, recordingInvoke, setupCaches, TOKEN } from './support.ts';

const revalidate = { headers: { 'x-prerender-revalidate': TOKEN } };

function member(outputPath: string, group: number | undefined, expiration = 60): PrerenderOutput {
	return {
		...prerenderOutput({ group, expiration, allowQuery: ['slug'], passQuery: true }),
		outputPath,
	};
}

/** A page and its data JSON in group 1, and an unrelated output in group 2. */
function grouped() {
	const setup = setupCaches();
	const page = member('/post', 1);
	const data = member('/post.json', 1);
	const other = member('/about', 2);
	const renders = recordingInvoke((request, call) => {
		const url = new URL(request.url);
		return new Response(`${url.pathname}?${url.searchParams} render ${call}`);
	});
	const serve = (output: PrerenderOutput, slug: string, init: RequestInit = {}, host = 'a.test') =>
		setup.caches.prerender.serve(
			get(`https://${host}${output.outputPath}?slug=${slug}`, init),
			output,
			renders.invoke,
		);
	return { ...setup, page, data, other, renders, serve };
}

describe('prerender cache groups', () => {
	it('revalidates the other members for the same host and query with the requester, on demand', async () => {
		const { page, data, other, renders, serve } = grouped();
		await serve(page, 'a');
		await serve(data, 'a');
		await serve(data, 'b');
		await serve(other, 'a');
		await serve(data, 'a', {}, 'www.a.test');

		const revalidated = await serve(page, 'a', revalidate);
		expect(revalidated.headers.get('x-vercel-cache')).toBe('REVALIDATED');
		// The member's new render is stored before the revalidation answers.
		const dataA = await serve(data, 'a');
		expect(dataA.headers.get('x-vercel-cache')).toBe('HIT');
		expect(await dataA.text()).toBe('/post.json?slug=a render 7');
		expect(await (await serve(data, 'b')).text()).toBe('/post.json?slug=b render 3');
		expect(await (await serve(other, 'a')).text()).toBe('/about?slug=a render 4');
		expect(await (await serve(data, 'a', {}, 'www.a.test')).text()).toBe(
			'/post.json?slug=a render 5',
		);
		expect(renders.calls).toHaveLength(7);
	});

	it('does not render a member key that has no entry', async () => {
		const { page, data, renders, serve } = grouped();
		await serve(page, 'a');
		await serve(page, 'a', revalidate);
		expect(renders.calls.map((request) => new URL(request.url).pathname)).toEqual([
			'/post',
			'/post',
		]);
		expect((await serve(data, 'a')).headers.get('x-vercel-cache')).toBe('MISS');
	});

	it('regenerates the other members in the background when one turns stale', async () => {
		const { clock, caches, page, data, renders, serve } = grouped();
		await serve(page, 'a');
		await serve(data, 'a');
		clock.advance(61_000);

		expect((await serve(page, 'a')).headers.get('x-vercel-cache')).toBe('STALE');
		await caches.settled();
		const fresh = await serve(data, 'a');
		expect(fresh.headers.get('x-vercel-cache')).toBe('HIT');
		expect(await fresh.text()).toBe('/post.json?slug=a render 4');
		expect(renders.calls).toHaveLength(4);
	});

	it('reports the requester only, and logs a member whose render fails, keeping its entry', async () => {
		const { caches, errors, page, data } = grouped();
		let failData = false;
		const { invoke } = recordingInvoke((request, call) =>
			failData && new URL(request.url).pathname === '/post.json'
				? new Response('down', { status: 500 })
				: new Response(`render ${call}`),
		);
		const serve = (output: PrerenderOutput, init: RequestInit = {}) =>
			caches.prerender.serve(
				get(`https://a.test${output.outputPath}?slug=a`, init),
				output,
				invoke,
			);
		await serve(page);
		await serve(data);
		failData = true;

		const revalidated = await serve(page, revalidate);
		expect(revalidated.headers.get('x-vercel-cache')).toBe('REVALIDATED');
		expect(errors).toEqual([{ key: 'isr:a.test/post.json?slug=a', reason: 'status 500' }]);
		expect(await (await serve(data)).text()).toBe('render 2');
	});
});

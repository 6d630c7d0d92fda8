import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { build, snapshot, startSite, type Site } from './support.ts';

// Each test gets its own runtime, so its cache and clock start fresh (as a new deployment's do).
let site: Site;
let renders: string[];
beforeEach(async () => {
	renders = [];
	site = await startSite({}, (url) =>
		renders.push(new URL(url).searchParams.get('x_astro_path') ?? ''),
	);
});
afterEach(async () => {
	await site.close();
});

const get = async (path: string, init?: RequestInit) => snapshot(await site.get(path, init));

// HTTP-only assertions live in tests/platform/isr.test.ts; these need the runtime's clock or render count.
describe('the real build served by the local runtime', () => {
	it('renders a cold page once (MISS), then serves the same render (HIT)', async () => {
		const first = await get('/blog');
		const second = await get('/blog');
		expect(first).toMatchObject({ status: 200, cache: 'MISS' });
		expect(second).toMatchObject({ status: 200, cache: 'HIT', generatedAt: first.generatedAt });
		expect(renders).toEqual(['/blog']);
	});

	it('keeps independent entries for /isr, /data.json, / and /blog', async () => {
		const paths = ['/isr', '/data.json', '/', '/blog'];
		const first = await Promise.all(paths.map((path) => get(path)));
		const again = await Promise.all(paths.map((path) => get(path)));
		again.forEach((page, index) => {
			expect(page.cache).toBe('HIT');
			expect(page.generatedAt).toBe(first[index]?.generatedAt);
		});
		// One render per path: four entries, none served for another page's key.
		expect([...renders].sort()).toEqual([...paths].sort());
	});

	it('does not create entries for query strings: /isr?utm_source=… is the /isr entry', async () => {
		const plain = await get('/isr');
		const withQuery = await get('/isr?utm_source=newsletter&page=2');
		expect(withQuery).toMatchObject({ status: 200, cache: 'HIT', generatedAt: plain.generatedAt });
		expect(renders).toEqual(['/isr']);
	});

	it('serves the /isr page when a visitor supplies x_astro_path, never an excluded page', async () => {
		const crafted = await site.get('/isr?x_astro_path=/ssr');
		const html = await crafted.text();
		expect(html).toContain('<h1>ISR page</h1>');
		expect(html).not.toContain('SSR page');
		expect(renders).toEqual(['/isr']);
	});

	it('serves /isr STALE after its 30 s page lifetime, regenerates once, then serves the new render', async () => {
		const before = await get('/isr');
		const data = await get('/data.json');
		site.advance(31);
		const stale = await get('/isr');
		expect(stale).toMatchObject({ cache: 'STALE', generatedAt: before.generatedAt });
		// /data.json keeps the site-wide expiration, so it is still fresh.
		expect(await get('/data.json')).toMatchObject({ cache: 'HIT', generatedAt: data.generatedAt });
		await site.runtime.caches.settled();
		const fresh = await get('/isr');
		expect(fresh.cache).toBe('HIT');
		expect(fresh.generatedAt).not.toBe(before.generatedAt);
		expect(renders).toEqual(['/isr', '/data.json', '/isr']);
	});

	it(`serves /data.json STALE after the ${build.expiration} s expiration, then the new render`, async () => {
		const before = await get('/data.json');
		site.advance(build.expiration + 1);
		expect(await get('/data.json')).toMatchObject({
			cache: 'STALE',
			generatedAt: before.generatedAt,
		});
		await site.runtime.caches.settled();
		const fresh = await get('/data.json');
		expect(fresh.cache).toBe('HIT');
		expect(fresh.generatedAt).not.toBe(before.generatedAt);
	});

	it('collapses 50 concurrent requests to a cold page into one render', async () => {
		const responses = await Promise.all(Array.from({ length: 50 }, () => get('/data.json')));
		expect(renders).toEqual(['/data.json']);
		// Requests that arrive while the render runs wait for it (MISS); any that arrive after it was stored get it (HIT).
		expect(responses.every((response) => ['MISS', 'HIT'].includes(response.cache ?? ''))).toBe(
			true,
		);
		expect(new Set(responses.map((response) => response.generatedAt)).size).toBe(1);
	});
});

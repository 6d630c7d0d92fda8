import { describe, expect, it } from 'vitest';
import { get, snapshot } from './http.ts';
import { target } from './target.ts';

const page = async (path: string, init?: RequestInit) => snapshot(await get(path, init));

describe('ISR pages', () => {
	it('serves the same render again from the cache (HIT)', async () => {
		const first = await page('/blog');
		const second = await page('/blog');
		expect(first.status).toBe(200);
		expect(second).toMatchObject({ status: 200, cache: 'HIT', generatedAt: first.generatedAt });
	});

	it('does not vary on query strings: /isr?utm_source=… is the /isr entry', async () => {
		const plain = await page('/isr');
		const withQuery = await page('/isr?utm_source=newsletter&page=2');
		expect(withQuery).toMatchObject({ status: 200, generatedAt: plain.generatedAt });
	});

	it('serves the /isr page when a visitor supplies x_astro_path, never an excluded page', async () => {
		const html = await (await get('/isr?x_astro_path=/ssr')).text();
		expect(html).toContain('<h1>ISR page</h1>');
		expect(html).not.toContain('SSR page');
	});

	it('renders /ssr fresh on every request and never caches it', async () => {
		const first = await page('/ssr');
		const second = await page('/ssr');
		expect(first.generatedAt).not.toBe(second.generatedAt);
		expect(second.cache).not.toBe('HIT');
		expect(second.headers.get('cache-control')).toBe('no-store');
	});

	it('regenerates in the foreground with the bypass token (REVALIDATED), and not with a wrong one', async () => {
		await page('/blog');
		const before = await page('/blog');
		const wrong = await page('/blog', { headers: { 'x-prerender-revalidate': 'w'.repeat(43) } });
		expect(wrong).toMatchObject({ cache: 'HIT', generatedAt: before.generatedAt });
		const revalidated = await page('/blog', {
			headers: { 'x-prerender-revalidate': target.bypassToken },
		});
		expect(revalidated.cache).toBe('REVALIDATED');
		expect(revalidated.generatedAt).not.toBe(before.generatedAt);
		expect(await page('/blog')).toMatchObject({
			cache: 'HIT',
			generatedAt: revalidated.generatedAt,
		});
	});

	it('bypasses the cache with the draft-mode cookie and stores nothing', async () => {
		await page('/');
		const cached = await page('/');
		const draft = await page('/', {
			headers: { cookie: `__prerender_bypass=${target.bypassToken}` },
		});
		expect(draft.cache).toBe('BYPASS');
		expect(draft.generatedAt).not.toBe(cached.generatedAt);
		expect(await page('/')).toMatchObject({ cache: 'HIT', generatedAt: cached.generatedAt });
	});

	it('redirects /isr/ to /isr so a page has one cache key', async () => {
		const response = await get('/isr/');
		expect(response.status).toBe(308);
		expect(response.headers.get('location')).toBe('/isr');
	});

	it('answers an unknown path with the site 404 page', async () => {
		const response = await get('/no/such/page');
		expect(response.status).toBe(404);
		expect(await response.text()).toContain('Page not found');
	});
});

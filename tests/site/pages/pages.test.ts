import { describe, expect, it } from 'vitest';
import Home from '../../../src/pages/index.astro';
import Isr from '../../../src/pages/isr.astro';
import Ssr from '../../../src/pages/ssr.astro';
import Blog from '../../../src/pages/blog/index.astro';
import Post from '../../../src/pages/blog/[slug].astro';
import NotFound from '../../../src/pages/404.astro';
import { renderRoute } from './render.ts';

const routes = [
	{ name: 'home', component: Home, path: '/', routePattern: '/' },
	{ name: 'isr', component: Isr, path: '/isr', routePattern: '/isr' },
	{ name: 'ssr', component: Ssr, path: '/ssr', routePattern: '/ssr' },
	{ name: 'blog', component: Blog, path: '/blog', routePattern: '/blog' },
];

function generatedAtValues(html: string): string[] {
	return [...html.matchAll(/data-generated-at="([^"]*)"/g)].map((match) => match[1] ?? '');
}

describe.each(routes)('the $name page', ({ component, path, routePattern }) => {
	it('shows its own render time in exactly one data-generated-at element, as ISO-8601', async () => {
		const response = await renderRoute(component, { path, routePattern });
		const html = await response.text();
		const values = generatedAtValues(html);
		expect(values).toHaveLength(1);
		expect(new Date(values[0]!).toISOString()).toBe(values[0]);
		expect(response.headers.get('x-generated-at')).toBe(values[0]);
	});

	it('sets no cookie', async () => {
		const response = await renderRoute(component, { path, routePattern });
		expect(response.headers.has('set-cookie')).toBe(false);
		expect(response.headers.getSetCookie()).toEqual([]);
	});
});

describe('cache headers per route', () => {
	it.each([
		['/', '/', Home, 'public, max-age=0, must-revalidate', null],
		['/isr', '/isr', Isr, 'public, max-age=0, must-revalidate', null],
		['/blog', '/blog', Blog, 'public, max-age=0, must-revalidate', null],
		['/ssr', '/ssr', Ssr, 'no-store', null],
	])('%s answers Cache-Control %s', async (path, routePattern, component, cacheControl, cdn) => {
		const response = await renderRoute(component, { path, routePattern });
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe(cacheControl);
		expect(response.headers.get('vercel-cdn-cache-control')).toBe(cdn);
	});
});

describe('the ISR page', () => {
	it('shows when it expires from its own edge lifetime, and a Refresh link', async () => {
		const html = await (await renderRoute(Isr, { path: '/isr', routePattern: '/isr' })).text();
		const generatedAt = new Date(generatedAtValues(html)[0]!);
		const expiresAt = html.match(/data-expires-at="([^"]*)"/)?.[1];
		expect(new Date(expiresAt!).getTime() - generatedAt.getTime()).toBe(30_000);
		expect(html).toMatch(/<a href="\/isr"[^>]*>Refresh<\/a>/);
	});
});

describe('the cache clock in the HTML', () => {
	it('says when the copy goes stale in absolute UTC time, which stays true on every HIT', async () => {
		const html = await (await renderRoute(Isr, { path: '/isr', routePattern: '/isr' })).text();
		const expiresAt = new Date(html.match(/data-expires-at="([^"]*)"/)![1]!);
		const time = expiresAt.toISOString().slice(11, 19);
		expect(html).toMatch(new RegExp(`fresh until\\s*<time[^>]*>\\s*${time} UTC\\s*</time>`));
		expect(html).toContain('the next visit gets this copy and regenerates it in the background');
	});

	it('keeps the countdown out of every aria-live region and announces the Check cache result', async () => {
		const html = await (await renderRoute(Isr, { path: '/isr', routePattern: '/isr' })).text();
		const clock = html.match(/<dd data-cache-clock[^>]*>[\s\S]*?<\/dd>/)?.[0] ?? '';
		expect(clock).toContain('data-clock-live');
		expect(clock).not.toContain('aria-live');
		const check = html.match(/<div class="check-cache"[\s\S]*?<\/div>/)?.[0] ?? '';
		expect(check).toMatch(/role="status" aria-live="polite"/);
		expect(check).toContain('on a stale copy it starts the regeneration it reports');
	});

	it('is absent from a page that is never cached', async () => {
		const html = await (await renderRoute(Ssr, { path: '/ssr', routePattern: '/ssr' })).text();
		expect(html).not.toContain('data-cache-clock');
		expect(html).not.toContain('Check cache');
	});
});

describe('the SSR page', () => {
	it('says it is never cached', async () => {
		const html = await (await renderRoute(Ssr, { path: '/ssr', routePattern: '/ssr' })).text();
		expect(html).toContain('rendered fresh on every request');
		expect(html).not.toContain('data-expires-at');
	});
});

describe('a blog post', () => {
	it('renders a post of the store (the bundled seed posts when no database is set)', async () => {
		const response = await renderRoute(Post, {
			path: '/blog/hello-world',
			routePattern: '/blog/[slug]',
			params: { slug: 'hello-world' },
		});
		expect(response.status).toBe(200);
		expect(response.headers.get('x-content-tags')).toBe('post:hello-world');
		expect(await response.text()).toContain('<code>/blog/hello-world</code>');
	});

	it('answers 404 for a slug outside the grammar', async () => {
		const response = await renderRoute(Post, {
			path: '/blog/a%0Ab',
			routePattern: '/blog/[slug]',
			params: { slug: 'a\nb' },
		});
		expect(response.status).toBe(404);
	});

	it('answers 404 for an unknown slug', async () => {
		const response = await renderRoute(Post, {
			path: '/blog/no-such-post',
			routePattern: '/blog/[slug]',
			params: { slug: 'no-such-post' },
		});
		expect(response.status).toBe(404);
	});
});

describe('the 404 page', () => {
	it('names the missing path', async () => {
		const html = await (
			await renderRoute(NotFound, { path: '/nope', routePattern: '/404' })
		).text();
		expect(html).toContain('Page not found');
		expect(html).toContain('/nope');
	});
});

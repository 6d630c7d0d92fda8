import { describe, expect, it } from 'vitest';
import { describeSrc, publicRoutesTo } from '../../routing/describe.ts';

describe('describeSrc', () => {
	it.each([
		// @astrojs/vercel
		['^(/isr/?)$', '/isr'],
		['^(/)$', '/'],
		['^(/blog/([^/]+?)/?)$', '/blog/*'],
		['^(/data\\.json)$', '/data.json'],
		['^/_astro(?:/(.*))$', '/_astro/**'],
		// vercel/examples prerender-functions
		['/blog/(?<slug>[^/]*)', '/blog/:slug'],
		// @sveltejs/adapter-vercel
		['^/?$', '/'],
		['^/?/__data.json$', '/__data.json'],
		['^/blog/([^/]+?)/?$', '/blog/*'],
		['^/blog/([^/]+?)/?/__data.json$', '/blog/*/__data.json'],
		// Nitro's vercel preset
		['(?<__isr_route>/)', '/'],
		['(?<__isr_route>/blog/(?:.*))', '/blog/**'],
		['(?<__isr_route>/products/(?<id>[^/]+))', '/products/:id'],
		['/(.*)', '/**'],
		['^/(?:a|b)$', '^/(?:a|b)$'],
	])('reads %s as %s', (src, expected) => {
		expect(describeSrc(src)).toBe(expected);
	});
});

describe('publicRoutesTo', () => {
	it('lists the src of routes whose dest path is the output, with or without a leading slash', () => {
		const routes = [
			{ handle: 'filesystem' as const },
			{ src: '^(/isr)$', dest: '/_isr?x_astro_path=$1' },
			{ src: '^/ssr$', dest: '_render' },
			{ src: '^(/)$', dest: '/_isr?x_astro_path=$1' },
		];
		expect(publicRoutesTo(routes, '/_isr')).toEqual(['^(/isr)$', '^(/)$']);
		expect(publicRoutesTo(routes, '/_render')).toEqual(['^/ssr$']);
	});
});

import { describe, expect, it } from 'vitest';
import type { Route } from '../../output/config-schema.ts';
import { anchoredSrc } from '../../output/route-patterns.ts';
import { route } from '../../routing/route.ts';
import type { OutputKind } from '../../routing/types.ts';

function files(entries: Record<string, OutputKind>) {
	return new Map(Object.entries(entries).map(([path, kind]) => [path, { kind }]));
}

function request(path: string) {
	return {
		method: 'GET',
		url: new URL(path, 'http://localhost:4321').href,
		headers: new Headers(),
	};
}

const FS = files({
	'/index-isr': 'prerender',
	'/blog/[...]-isr': 'prerender',
	'/__server': 'function',
	'/_app/immutable/app.js': 'static',
	'/![-]/catchall': 'function',
});

describe('anchoredSrc', () => {
	it.each([
		['/', '^/$'],
		['^/a', '^/a$'],
		['/b$', '^/b$'],
		['^/c$', '^/c$'],
		['^\\/d\\/e$', '^/d/e$'],
	])('stores %s as %s, as normalizeRoutes does', (src, expected) => {
		expect(anchoredSrc(src)).toBe(expected);
	});
});

describe('src matching', () => {
	// Nitro's vercel preset: `src` patterns without ^/$ (nitrojs/nitro src/presets/vercel/utils.ts).
	const nitro: Route[] = [
		{ handle: 'filesystem' },
		{ src: '(?<__isr_route>/)', dest: '/index-isr?__isr_route=$__isr_route' },
		{
			src: '(?<__isr_route>/blog/(?:.*))',
			dest: '/blog/[...]-isr?__isr_route=$__isr_route',
		},
		{ src: '/(.*)', dest: '/__server' },
	];

	it('matches a src without ^ and $ against the whole path', () => {
		expect(route(request('/'), nitro, FS)).toMatchObject({
			kind: 'prerender',
			path: '/index-isr',
			search: '?__isr_route=%2F',
		});
		expect(route(request('/blog/hello'), nitro, FS)).toMatchObject({
			kind: 'prerender',
			path: '/blog/[...]-isr',
			search: '?__isr_route=%2Fblog%2Fhello',
		});
		expect(route(request('/about'), nitro, FS)).toMatchObject({
			kind: 'function',
			path: '/__server',
		});
	});

	it('matches src against the percent-encoded path, as vercel dev does (url.parse pathname)', () => {
		const routes: Route[] = [
			{ src: '^/a b$', dest: '/__server?spelled=decoded' },
			{ src: '^/a%20b$', dest: '/__server?spelled=encoded' },
		];
		expect(route(request('/a%20b'), routes, FS)).toMatchObject({ search: '?spelled=encoded' });
	});
});

describe('first phase', () => {
	// @sveltejs/adapter-vercel: the immutable header route sits before `handle: filesystem`, its 404
	// route after it (sveltejs/kit packages/adapter-vercel/index.js, static_vercel_config).
	const svelteKit: Route[] = [
		{
			src: '/_app/immutable/.+',
			headers: { 'cache-control': 'public, immutable, max-age=31536000' },
		},
		{ handle: 'filesystem' },
		{
			src: '/_app/immutable/.+',
			status: 404,
			headers: { 'cache-control': 'no-store' },
			continue: false,
		},
		{ src: '/.*', dest: '/![-]/catchall' },
	];

	it('serves a file its non-continue route matched, with that route headers', () => {
		expect(route(request('/_app/immutable/app.js'), svelteKit, FS)).toMatchObject({
			kind: 'static',
			headers: { 'cache-control': 'public, immutable, max-age=31536000' },
		});
	});

	it('goes on to the filesystem phase routes when its non-continue match finds nothing', () => {
		expect(route(request('/_app/immutable/gone.js'), svelteKit, FS)).toMatchObject({
			kind: 'not-found',
			status: 404,
			headers: { 'cache-control': 'no-store' },
		});
	});

	it('goes on to the filesystem phase after a rewrite to a path that does not exist', () => {
		const routes: Route[] = [
			{ src: '^/old$', dest: '/nowhere' },
			{ handle: 'filesystem' },
			{ src: '^/nowhere$', dest: '/__server' },
		];
		expect(route(request('/old'), routes, FS)).toMatchObject({
			kind: 'function',
			path: '/__server',
		});
	});

	it('ends routing with the status of a route without dest', () => {
		const routes: Route[] = [
			{ src: '^/secret$', status: 403 },
			{ handle: 'filesystem' },
			{ src: '/.*', dest: '/__server' },
		];
		expect(route(request('/secret'), routes, FS)).toMatchObject({
			kind: 'not-found',
			status: 403,
		});
	});
});

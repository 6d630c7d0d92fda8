import { describe, expect, inject, it } from 'vitest';
import type { Route } from '../../../runtime/output/config-schema.ts';
import { readOutputDir } from '../../../runtime/output/read-output-dir.ts';
import { route } from '../../../runtime/routing/route.ts';
import type { FilesystemIndex, RouteResult } from '../../../runtime/routing/types.ts';

const TOKEN = '92703163-958f-4cbb-9e68-3b0a1475f7f7';
const isr = (src: string): Route => ({
	src,
	dest: `/_isr?x_astro_path=$1&x_astro_path_token=${TOKEN}`,
});

/** The shapes `@astrojs/vercel` 11 writes with `trailingSlash: 'never'` (spec §6.3). */
const ASTRO_ROUTES: Route[] = [
	{ src: '^/(.*)/$', headers: { Location: '/$1' }, status: 308 },
	{
		src: '^/_astro(?:/(.*))$',
		headers: { 'cache-control': 'public, max-age=31536000, immutable' },
		continue: true,
	},
	{ handle: 'filesystem' },
	{ src: '^/ssr$', dest: '_render' },
	{ src: '^/_image$', dest: '_render' },
	isr('^(/blog/([^/]+?))$'),
	isr('^(/data\\.json)$'),
	isr('^(/isr)$'),
	isr('^(/)$'),
	{ src: '^/.*$', dest: '_render', status: 404 },
];

const FILES = new Map([
	['/favicon.svg', { kind: 'static' as const }],
	['/_astro/app.abc123.js', { kind: 'static' as const }],
	['/_render', { kind: 'function' as const }],
	['/_isr', { kind: 'prerender' as const }],
]);

function routeGet(
	path: string,
	routes: readonly Route[] = ASTRO_ROUTES,
	files: FilesystemIndex = FILES,
) {
	return route(
		{ method: 'GET', url: `http://localhost:4321${path}`, headers: new Headers() },
		routes,
		files,
	);
}

function query(result: RouteResult): Record<string, string> {
	return result.kind === 'prerender' || result.kind === 'function'
		? Object.fromEntries(new URLSearchParams(result.search))
		: {};
}

describe('routing Astro output', () => {
	it.each(['/isr', '/blog/hello-world', '/data.json', '/'])(
		'sends %s to the _isr prerender function with its path and the build token',
		(path) => {
			const result = routeGet(path);
			expect(result).toMatchObject({ kind: 'prerender', path: '/_isr', status: undefined });
			expect(query(result)).toEqual({ x_astro_path: path, x_astro_path_token: TOKEN });
		},
	);

	it('sends excluded routes to _render with the query the visitor sent', () => {
		const result = routeGet('/ssr?tab=2');
		expect(result).toMatchObject({ kind: 'function', path: '/_render', search: '?tab=2' });
	});

	it('renders unknown paths with _render, forcing 404', () => {
		expect(routeGet('/nope')).toMatchObject({ kind: 'function', path: '/_render', status: 404 });
	});

	it('serves static files first, with the immutable header of the /_astro route', () => {
		expect(routeGet('/_astro/app.abc123.js')).toMatchObject({
			kind: 'static',
			headers: { 'cache-control': 'public, max-age=31536000, immutable' },
		});
		expect(routeGet('/favicon.svg')).toMatchObject({ kind: 'static', headers: {} });
	});

	it('redirects a trailing slash with 308', () => {
		expect(routeGet('/isr/')).toMatchObject({ kind: 'redirect', location: '/isr', status: 308 });
	});

	it('keeps the dest x_astro_path and token when a visitor sends their own', () => {
		// Otherwise /isr?x_astro_path=/ssr would render /ssr with a valid token and cache it under a
		// key of the visitor's choosing.
		const result = routeGet('/isr?x_astro_path=/ssr&x_astro_path_token=guess&tab=2');
		expect(result).toMatchObject({ kind: 'prerender', path: '/_isr' });
		expect(query(result)).toEqual({ x_astro_path: '/isr', x_astro_path_token: TOKEN, tab: '2' });
	});

	it('addresses the function outputs directly', () => {
		expect(routeGet('/_isr')).toMatchObject({ kind: 'prerender', path: '/_isr' });
		expect(routeGet('/_render')).toMatchObject({ kind: 'function', path: '/_render' });
	});

	it('routes the real astro build the same way', async () => {
		const build = inject('siteBuild');
		const output = await readOutputDir(build.outputDir);
		const get = (path: string) => routeGet(path, output.routes, output.files);

		const isrPage = get('/isr');
		// /isr has a route rule of its own (src/isr/config.ts), so its own prerender function.
		expect(isrPage).toMatchObject({ kind: 'prerender', path: '/_isr-isr' });
		expect(query(isrPage).x_astro_path).toBe('/isr');
		expect(query(isrPage).x_astro_path_token).toMatch(/^[0-9a-f-]{36}$/);
		const crafted = get('/isr?x_astro_path=/ssr');
		expect(
			new URLSearchParams(crafted.kind === 'prerender' ? crafted.search : '').getAll(
				'x_astro_path',
			),
		).toEqual(['/isr']);
		expect(get('/')).toMatchObject({ kind: 'prerender', path: '/_isr' });
		// Prerendered at build: its own output, found in the filesystem phase.
		expect(get('/blog/hello-world')).toMatchObject({
			kind: 'prerender',
			path: '/blog/hello-world',
		});
		expect(get('/ssr')).toMatchObject({ kind: 'function', path: '/_render' });
		expect(get('/nope')).toMatchObject({ kind: 'function', path: '/_render', status: 404 });
		expect(get('/favicon.svg')).toMatchObject({ kind: 'static' });
		expect(get('/isr/')).toMatchObject({ kind: 'redirect', location: '/isr', status: 308 });
	});
});

import { describe, expect, it } from 'vitest';
import type { Route } from '../../output/config-schema.ts';
import { createRouter, route } from '../../routing/route.ts';
import type { OutputKind } from '../../routing/types.ts';

function files(entries: Record<string, OutputKind>) {
	return new Map(Object.entries(entries).map(([path, kind]) => [path, { kind }]));
}

function request(path: string, init: { method?: string; headers?: Record<string, string> } = {}) {
	return {
		method: init.method ?? 'GET',
		url: new URL(path, 'http://localhost:4321').href,
		headers: new Headers(init.headers),
	};
}

const FS = files({
	'/': 'static',
	'/index.html': 'static',
	'/a.txt': 'static',
	'/404.html': 'static',
	'/hello world.txt': 'static',
	'/fn': 'function',
	'/_render': 'function',
	'/blog/post': 'prerender',
});

describe('route', () => {
	it('serves a static file before the routes after handle: filesystem', () => {
		const routes: Route[] = [{ handle: 'filesystem' }, { src: '^/.*$', dest: '/fn' }];
		expect(route(request('/a.txt'), routes, FS)).toEqual({
			kind: 'static',
			path: '/a.txt',
			entry: FS.get('/a.txt'),
			search: '',
			status: undefined,
			headers: {},
		});
	});

	it('serves index.html for / and percent-decodes paths for the filesystem', () => {
		expect(route(request('/'), [], FS)).toMatchObject({ kind: 'static', path: '/' });
		expect(route(request('/hello%20world.txt'), [], FS)).toMatchObject({
			kind: 'static',
			path: '/hello world.txt',
		});
	});

	it('does not serve /x from /x.html', () => {
		const withPage = files({ '/about.html': 'static' });
		expect(route(request('/about'), [], withPage)).toMatchObject({ kind: 'not-found' });
	});

	it('rewrites to a function output after a filesystem miss, reading dest without a slash as /dest', () => {
		const routes: Route[] = [{ handle: 'filesystem' }, { src: '^/ssr$', dest: '_render' }];
		expect(route(request('/ssr?x=1'), routes, FS)).toMatchObject({
			kind: 'function',
			path: '/_render',
			search: '?x=1',
		});
	});

	it('makes function outputs addressable directly', () => {
		expect(route(request('/blog/post'), [], FS)).toMatchObject({
			kind: 'prerender',
			path: '/blog/post',
		});
	});

	it('substitutes named groups into dest (vercel/examples prerender-functions)', () => {
		const routes: Route[] = [
			{ handle: 'filesystem' },
			{ src: '/blog/(?<slug>[^/]*)', dest: '/blog/post?slug=$slug' },
		];
		expect(route(request('/blog/hello'), routes, FS)).toMatchObject({
			kind: 'prerender',
			path: '/blog/post',
			search: '?slug=hello',
		});
	});

	it('keeps dest query params over request params of the same name and appends the others', () => {
		const routes: Route[] = [{ src: '^/q$', dest: '/fn?a=dest&b=dest' }];
		expect(route(request('/q?b=request&c=request&b=again'), routes, FS)).toMatchObject({
			search: '?a=dest&b=dest&c=request',
		});
	});

	it('substitutes $1 but leaves the undocumented $0 as written', () => {
		const routes: Route[] = [{ src: '^(/p/(.*))$', dest: '/fn?whole=$0&path=$1&rest=$2' }];
		const result = route(request('/p/x'), routes, FS);
		expect(result).toMatchObject({ kind: 'function' });
		expect(new URLSearchParams(result.kind === 'function' ? result.search : '')).toEqual(
			new URLSearchParams({ whole: '$0', path: '/p/x', rest: 'x' }),
		);
	});

	it('matches src case-insensitively unless caseSensitive is set', () => {
		expect(route(request('/SSR'), [{ src: '^/ssr$', dest: '/fn' }], FS)).toMatchObject({
			kind: 'function',
		});
		const sensitive: Route[] = [{ src: '^/ssr$', dest: '/fn', caseSensitive: true }];
		expect(route(request('/SSR'), sensitive, FS)).toMatchObject({ kind: 'not-found' });
	});

	it('redirects with the Location header and status, keeping the query', () => {
		const routes: Route[] = [{ src: '^/(.*)/$', headers: { Location: '/$1' }, status: 308 }];
		expect(route(request('/isr/?a=1'), routes, FS)).toEqual({
			kind: 'redirect',
			location: '/isr?a=1',
			status: 308,
			headers: { location: '/isr?a=1' },
		});
	});

	it('answers a Location without a redirect status with 307', () => {
		const routes: Route[] = [{ src: '^/go$', headers: { Location: 'https://example.com/' } }];
		expect(route(request('/go'), routes, FS)).toMatchObject({ kind: 'redirect', status: 307 });
	});

	it('collects headers of continue routes, with $n, for the output found later', () => {
		const routes: Route[] = [
			{ src: '^/(.*)$', headers: { 'X-Path': '$1' }, continue: true },
			{ handle: 'filesystem' },
		];
		expect(route(request('/a.txt'), routes, FS)).toMatchObject({
			kind: 'static',
			headers: { 'x-path': 'a.txt' },
		});
	});

	it('keeps matching with the new path after a continue route with dest', () => {
		const routes: Route[] = [
			{ src: '^/old/(.*)$', dest: '/new/$1', continue: true },
			{ src: '^/new/(.*)$', dest: '/fn?name=$1' },
		];
		expect(route(request('/old/x'), routes, FS)).toMatchObject({
			kind: 'function',
			search: '?name=x',
		});
	});

	it('adds hit-phase headers without overriding earlier ones', () => {
		const routes: Route[] = [
			{ src: '^/a.txt$', headers: { 'x-a': 'none' }, continue: true },
			{ handle: 'hit' },
			{ src: '^/.*$', headers: { 'x-a': 'hit', 'x-b': 'hit' }, continue: true },
		];
		expect(route(request('/a.txt'), routes, FS)).toMatchObject({
			headers: { 'x-a': 'none', 'x-b': 'hit' },
		});
	});

	it('forces a route status onto the output it routes to', () => {
		const routes: Route[] = [
			{ handle: 'filesystem' },
			{ src: '^/.*$', dest: '_render', status: 404 },
		];
		expect(route(request('/nope'), routes, FS)).toMatchObject({
			kind: 'function',
			path: '/_render',
			status: 404,
		});
	});

	it('answers not-found with 404 when nothing matches', () => {
		expect(route(request('/nope'), [{ handle: 'filesystem' }], FS)).toEqual({
			kind: 'not-found',
			path: '/nope',
			status: 404,
			headers: {},
		});
	});

	it('keeps an error status a route set when nothing is found', () => {
		expect(route(request('/secret'), [{ src: '^/secret$', status: 403 }], FS)).toMatchObject({
			kind: 'not-found',
			status: 403,
		});
	});

	it('serves the error phase route for the status when nothing is found', () => {
		const routes: Route[] = [{ handle: 'error' }, { src: '^/.*$', dest: '/404.html', status: 404 }];
		expect(route(request('/nope'), routes, FS)).toMatchObject({
			kind: 'static',
			path: '/404.html',
			status: 404,
		});
	});

	it('runs miss routes after every earlier phase missed', () => {
		const routes: Route[] = [
			{ handle: 'filesystem' },
			{ handle: 'miss' },
			{ src: '^/docs/.*$', dest: '/fn', check: true },
		];
		expect(route(request('/docs/x'), routes, FS)).toMatchObject({ kind: 'function', path: '/fn' });
	});

	it('goes on matching when a check route rewrites to a path that does not exist', () => {
		const routes: Route[] = [
			{ handle: 'filesystem' },
			{ src: '^/p/(.*)$', dest: '/missing/$1', check: true },
			{ src: '^/missing/(.*)$', dest: '/fn?from=$1' },
		];
		expect(route(request('/p/x'), routes, FS)).toMatchObject({
			kind: 'function',
			search: '?from=x',
		});
	});

	it('only matches routes that list the request method', () => {
		const routes: Route[] = [{ src: '^/submit$', methods: ['POST'], dest: '/fn' }];
		expect(route(request('/submit', { method: 'post' }), routes, FS)).toMatchObject({
			kind: 'function',
		});
		expect(route(request('/submit'), routes, FS)).toMatchObject({ kind: 'not-found' });
	});

	it('requires every has condition and no missing one', () => {
		const routes: Route[] = [
			{
				src: '^/gated$',
				dest: '/fn',
				has: [
					{ type: 'header', key: 'x-team' },
					{ type: 'cookie', key: 'beta', value: 'yes' },
					{ type: 'host', value: 'localhost' },
				],
				missing: [{ type: 'query', key: 'off' }],
			},
		];
		const headers = { 'x-team': 'a', cookie: 'other=1; beta=yes' };
		expect(route(request('/gated', { headers }), routes, FS)).toMatchObject({ kind: 'function' });
		expect(route(request('/gated?off', { headers }), routes, FS)).toMatchObject({
			kind: 'not-found',
		});
		const wrongCookie = { ...headers, cookie: 'beta=yesterday' };
		expect(route(request('/gated', { headers: wrongCookie }), routes, FS)).toMatchObject({
			kind: 'not-found',
		});
	});

	it('makes named groups of has values usable in dest', () => {
		const routes: Route[] = [
			{
				src: '^/lang$',
				dest: '/fn?lang=$lang',
				has: [{ type: 'header', key: 'accept-language', value: '(?<lang>[a-z]{2}).*' }],
			},
		];
		const headers = { 'accept-language': 'de-CH,de;q=0.9' };
		expect(route(request('/lang', { headers }), routes, FS)).toMatchObject({ search: '?lang=de' });
	});

	it('compares has values given as objects', () => {
		const routes: Route[] = [
			{
				src: '^/v$',
				dest: '/fn',
				has: [{ type: 'query', key: 'version', value: { pre: 'v', inc: ['v2', 'v3'] } }],
			},
		];
		expect(route(request('/v?version=v2'), routes, FS)).toMatchObject({ kind: 'function' });
		expect(route(request('/v?version=v1'), routes, FS)).toMatchObject({ kind: 'not-found' });
	});

	it('resets collected headers and status on an override route', () => {
		const routes: Route[] = [
			{ src: '^/.*$', headers: { 'x-a': '1' }, status: 500, continue: true },
			{ src: '^/fn$', override: true, continue: true },
		];
		expect(route(request('/fn'), routes, FS)).toMatchObject({ headers: {}, status: undefined });
	});

	it('keeps a path that starts with // a path', () => {
		const routes: Route[] = [{ src: '^/(.*)$', dest: '/$1' }];
		expect(route(request('http://localhost:4321//fn'), routes, FS)).toMatchObject({
			kind: 'not-found',
			path: '//fn',
		});
	});

	it('treats a full-URL dest as an external rewrite, its query winning as for other dests', () => {
		const routes: Route[] = [{ src: '^/ext/(.*)$', dest: 'https://example.com/$1?a=1' }];
		expect(route(request('/ext/x?b=2&a=2'), routes, FS)).toMatchObject({
			kind: 'proxy',
			url: 'https://example.com/x?a=1&b=2',
		});
	});
});

describe('createRouter', () => {
	it('routes like route() with the request URL given already parsed', () => {
		const routes: Route[] = [{ handle: 'filesystem' }, { src: '^/ssr$', dest: '_render' }];
		const router = createRouter(routes, FS);
		const get = request('/ssr?x=1');
		expect(router(get, new URL(get.url))).toEqual(route(get, routes, FS));
	});

	it('remembers results per path and query when the only conditions are on the query, and each query still routes its own way', () => {
		const routes: Route[] = [
			{ src: '^/list$', has: [{ type: 'query', key: 'page', value: '[2-9]' }], dest: '/blog/post' },
			{
				src: '^/list$',
				has: [{ type: 'query', key: 'page' }],
				status: 308,
				headers: { Location: '/list?' },
			},
			{ src: '^/list$', dest: '/fn' },
		];
		const router = createRouter(routes, FS);
		const send = (path: string) => router(request(path), new URL(path, 'http://localhost:4321'));
		for (let round = 0; round < 2; round++) {
			expect(send('/list?page=2')).toMatchObject({ kind: 'prerender', path: '/blog/post' });
			expect(send('/list?page=x')).toMatchObject({ kind: 'redirect', status: 308 });
			expect(send('/list')).toMatchObject({ kind: 'function', path: '/fn' });
		}
	});

	it('reads the Cookie header only when a route has a cookie condition to test', () => {
		class CountingHeaders extends Headers {
			cookieReads = 0;
			override get(name: string): string | null {
				if (name.toLowerCase() === 'cookie') this.cookieReads += 1;
				return super.get(name);
			}
		}
		const routes: Route[] = [
			{ src: '^/gated$', dest: '/fn', has: [{ type: 'cookie', key: 'beta' }] },
			{ handle: 'filesystem' },
		];
		const router = createRouter(routes, FS);
		const send = (path: string) => {
			const headers = new CountingHeaders({ cookie: 'beta=1' });
			const url = new URL(path, 'http://localhost:4321');
			const result = router({ method: 'GET', headers }, url);
			return { result, cookieReads: headers.cookieReads };
		};
		expect(send('/a.txt')).toMatchObject({ result: { kind: 'static' }, cookieReads: 0 });
		expect(send('/gated')).toMatchObject({ result: { kind: 'function' }, cookieReads: 1 });
	});
});

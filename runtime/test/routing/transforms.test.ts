import { describe, expect, it } from 'vitest';
import type { Route, Transform } from '../../output/config-schema.ts';
import {
	applyHeaderTransforms,
	applyQueryTransforms,
	requestPathOf,
	resolveTransforms,
} from '../../routing/transforms.ts';
import { route } from '../../routing/route.ts';
import type { OutputKind } from '../../routing/types.ts';

function headersAfter(init: Record<string, string>, transforms: Transform[]) {
	const headers = new Headers(init);
	applyHeaderTransforms(headers, transforms, 'request.headers');
	return Object.fromEntries(headers);
}

function queryAfter(search: string, transforms: Transform[]) {
	const query = new URLSearchParams(search);
	applyQueryTransforms(query, transforms);
	return query.toString();
}

describe('header transforms', () => {
	it('deletes headers by name, case-insensitively (the Astro internal headers route)', () => {
		const strip: Transform[] = ['x-astro-path', 'x-astro-locals', 'x-astro-middleware-secret'].map(
			(key) => ({ type: 'request.headers', op: 'delete', target: { key } }),
		);
		expect(
			headersAfter({ 'X-Astro-Locals': '1', 'x-astro-path': '/ssr', accept: 'text/html' }, strip),
		).toEqual({ accept: 'text/html' });
	});

	it('sets a header, replacing every value, and creates it when absent', () => {
		const set: Transform = {
			type: 'request.headers',
			op: 'set',
			target: { key: 'x-a' },
			args: 'new',
		};
		expect(headersAfter({ 'x-a': 'one, two' }, [set])).toEqual({ 'x-a': 'new' });
		expect(headersAfter({}, [set])).toEqual({ 'x-a': 'new' });
	});

	it('appends values to the list', () => {
		const append: Transform = {
			type: 'request.headers',
			op: 'append',
			target: { key: 'x-list' },
			args: ['c'],
		};
		expect(headersAfter({ 'x-list': 'a, b' }, [append])).toEqual({ 'x-list': 'a, b, c' });
	});

	it('deletes only the values args name, and every header a key comparison selects', () => {
		const dropValue: Transform = {
			type: 'request.headers',
			op: 'delete',
			target: { key: 'x-list' },
			args: 'B',
		};
		expect(headersAfter({ 'x-list': 'a, b' }, [dropValue])).toEqual({ 'x-list': 'a' });
		const dropPrefixed: Transform = {
			type: 'request.headers',
			op: 'delete',
			target: { key: { pre: 'x-internal-' } },
		};
		expect(
			headersAfter({ 'x-internal-a': '1', 'x-internal-b': '2', other: '3' }, [dropPrefixed]),
		).toEqual({ other: '3' });
	});

	it('skips a set whose substituted value a header cannot hold', () => {
		const [set] = resolveTransforms(
			[{ type: 'request.headers', op: 'set', target: { key: 'x-path' }, args: '$1' }],
			{ numbered: ['/\u00e9', '\u00e9'], named: {} },
		);
		expect(headersAfter({}, [set])).toEqual({});
	});
});

describe('query transforms', () => {
	it('deletes a param whatever its case and keeps the others', () => {
		const strip: Transform = { type: 'request.query', op: 'delete', target: { key: '__pathname' } };
		expect(queryAfter('__pathname=/admin&__PATHNAME=/x&q=1', [strip])).toBe('q=1');
	});

	it('sets and appends params', () => {
		expect(
			queryAfter('a=1&a=2', [
				{ type: 'request.query', op: 'set', target: { key: 'a' }, args: 'x' },
				{ type: 'request.query', op: 'append', target: { key: 'b' }, args: ['y', 'z'] },
			]),
		).toBe('a=x&b=y&b=z');
	});
});

describe('resolveTransforms and requestPathOf', () => {
	it('substitutes captures and leaves unknown names as written', () => {
		const resolved = resolveTransforms(
			[
				{ type: 'request.path', op: 'set', args: '/docs/$slug' },
				{ type: 'response.headers', op: 'set', target: { key: 'x-$1' }, args: '$ENV_NAME' },
			],
			{ numbered: ['/a/b', 'b'], named: { slug: 'hello' } },
		);
		expect(resolved).toEqual([
			{ type: 'request.path', op: 'set', args: '/docs/hello' },
			{ type: 'response.headers', op: 'set', target: { key: 'x-b' }, args: '$ENV_NAME' },
		]);
		expect(requestPathOf(resolved)).toBe('/docs/hello');
	});

	it('ignores a request.path that is not an origin-form path after substitution', () => {
		expect(requestPathOf([{ type: 'request.path', op: 'set', args: '//evil.example' }])).toBe(
			undefined,
		);
	});
});

describe('transforms in routing', () => {
	const fs = new Map<string, { kind: OutputKind }>([
		['/__root__', { kind: 'prerender' }],
		['/![-]/catchall', { kind: 'function' }],
	]);
	const get = (path: string) => ({
		method: 'GET',
		url: new URL(path, 'http://localhost:4321').href,
		headers: new Headers(),
	});
	// @sveltejs/adapter-vercel: the first route strips a visitor's __pathname; the ISR route sets its own.
	const svelteKit: Route[] = [
		{
			src: '.*',
			continue: true,
			transforms: [{ type: 'request.query', op: 'delete', target: { key: '__pathname' } }],
		},
		{ handle: 'filesystem' },
		{ src: '^/?$', dest: '/__root__?__pathname=/' },
		{ src: '/.*', dest: '/![-]/catchall' },
	];

	it('deletes the visitor params before a later dest sets its own', () => {
		expect(route(get('/?__pathname=/admin&q=1'), svelteKit, fs)).toMatchObject({
			kind: 'prerender',
			search: '?__pathname=%2F&q=1',
		});
	});

	it('strips a visitor __pathname on a request that addresses the function directly', () => {
		expect(route(get('/__root__?__pathname=/admin'), svelteKit, fs)).toMatchObject({
			kind: 'prerender',
			path: '/__root__',
			search: '',
		});
	});

	it('returns request header, response header and path transforms for the handler', () => {
		const routes: Route[] = [
			{
				src: '/(.*)',
				continue: true,
				transforms: [
					{ type: 'request.headers', op: 'delete', target: { key: 'x-astro-locals' } },
					{ type: 'request.path', op: 'set', args: '/seen/$1' },
					{ type: 'response.headers', op: 'set', target: { key: 'x-from' }, args: '$1' },
				],
			},
			{ src: '/.*', dest: '/![-]/catchall' },
		];
		expect(route(get('/page'), routes, fs)).toMatchObject({
			kind: 'function',
			transforms: {
				request: [{ type: 'request.headers', op: 'delete', target: { key: 'x-astro-locals' } }],
				response: [
					{ type: 'response.headers', op: 'set', target: { key: 'x-from' }, args: 'page' },
				],
				path: '/seen/page',
			},
		});
	});
});

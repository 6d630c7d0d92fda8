import { describe, expect, it } from 'vitest';
import type { FilesystemIndex, Route } from '@astro-isr/vercel-runtime/routing';
import { findIsrRoutedPaths, routeOf, samplePathFor } from '../../../src/isr/route-check.ts';

const ISR = '/_isr?x_astro_path=$1&x_astro_path_token=TOKEN';
const FILES: FilesystemIndex = new Map([
	['/_isr', { kind: 'prerender' }],
	['/_render', { kind: 'function' }],
	['/api/static.json', { kind: 'static' }],
]);

describe('samplePathFor', () => {
	it('fills route parameters with sample segments', () => {
		expect(samplePathFor('/api/revalidate')).toBe('/api/revalidate');
		expect(samplePathFor('/api/[id]')).toBe('/api/id');
		expect(samplePathFor('/api/[...rest]')).toBe('/api/rest/rest');
	});
});

describe('findIsrRoutedPaths', () => {
	it('finds API paths whose first matching route is the ISR function', () => {
		const routes: Route[] = [
			{ src: '^/_astro(?:/(.*))$', headers: {}, continue: true },
			{ handle: 'filesystem' },
			{ src: '^/api/revalidate$', dest: '_render' },
			{ src: '^(/api/([^/]+?))$', dest: ISR },
			{ src: '^/.*$', dest: '_render', status: 404 },
		];
		expect(findIsrRoutedPaths(routes, FILES, ['/api/revalidate', '/api/other'])).toEqual([
			'/api/other',
		]);
	});

	it('routes as the runtime does: a static file wins in the filesystem phase', () => {
		const routes: Route[] = [{ handle: 'filesystem' }, { src: '^/api/(.*)$', dest: ISR }];
		expect(findIsrRoutedPaths(routes, FILES, ['/api/static.json', '/api/x'])).toEqual(['/api/x']);
	});

	it('anchors src at both ends, as Vercel stores routes', () => {
		expect(findIsrRoutedPaths([{ src: '/api', dest: ISR }], FILES, ['/api/x', '/api'])).toEqual([
			'/api',
		]);
	});

	it('matches case-insensitively unless the route is case-sensitive', () => {
		expect(routeOf([{ src: '^/API/x$', dest: ISR }], FILES, '/api/x')).toMatchObject({
			kind: 'prerender',
		});
		expect(
			routeOf([{ src: '^/API/x$', dest: ISR, caseSensitive: true }], FILES, '/api/x'),
		).toMatchObject({ kind: 'not-found' });
	});
});

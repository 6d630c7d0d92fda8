import { describe, expect, it } from 'vitest';
import {
	findDestination,
	findIsrRoutedPaths,
	samplePathFor,
} from '../../../src/isr/route-check.ts';

const ISR = '/_isr?x_astro_path=$1&x_astro_path_token=TOKEN';

describe('samplePathFor', () => {
	it('fills route parameters with sample segments', () => {
		expect(samplePathFor('/api/revalidate')).toBe('/api/revalidate');
		expect(samplePathFor('/api/[id]')).toBe('/api/id');
		expect(samplePathFor('/api/[...rest]')).toBe('/api/rest/rest');
	});
});

describe('findIsrRoutedPaths', () => {
	it('finds API paths whose first matching route is the ISR function', () => {
		const routes = [
			{ src: '^/_astro(?:/(.*))$', headers: {}, continue: true },
			{ handle: 'filesystem' },
			{ src: '^/api/revalidate$', dest: '_render' },
			{ src: '^(/api/([^/]+?))$', dest: ISR },
			{ src: '^/.*$', dest: '_render', status: 404 },
		];
		expect(findIsrRoutedPaths(routes, ['/api/revalidate', '/api/other'])).toEqual(['/api/other']);
	});

	it('matches case-insensitively unless the route is case-sensitive', () => {
		expect(findDestination([{ src: '^/API/x$', dest: ISR }], '/api/x')).toBe(ISR);
		expect(
			findDestination([{ src: '^/API/x$', dest: ISR, caseSensitive: true }], '/api/x'),
		).toBeUndefined();
	});
});

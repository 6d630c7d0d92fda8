import { describe, expect, it } from 'vitest';
import type { Route } from '../../output/config-schema.ts';
import { formatRouteMatches } from '../../routing/route-matches.ts';
import { route } from '../../routing/route.ts';

describe('formatRouteMatches', () => {
	it('form-encodes named groups, then numbered ones, leaving out the whole match and unmatched groups', () => {
		const match = { numbered: ['/p/a b', '/p/a b', undefined], named: { __isr_route: '/p/a b' } };
		expect(formatRouteMatches(match)).toBe('__isr_route=%2Fp%2Fa+b&1=%2Fp%2Fa+b');
	});
});

describe('routeMatches in routing', () => {
	const files = new Map([['/page-isr', { kind: 'prerender' as const }]]);
	const get = (path: string) => ({
		method: 'GET',
		url: new URL(path, 'http://localhost:4321').href,
		headers: new Headers(),
	});

	it('carries the captures of the route whose dest chose the prerender output', () => {
		const routes: Route[] = [
			{ src: '/(?<lang>en|de)/(.*)', dest: '/$2', continue: true },
			{ src: '(?<__isr_route>/page)', dest: '/page-isr?__isr_route=$__isr_route' },
		];
		expect(route(get('/de/page'), routes, files)).toMatchObject({
			kind: 'prerender',
			routeMatches: '__isr_route=%2Fpage&1=%2Fpage',
		});
	});

	it('has none for an output the visitor addressed directly', () => {
		expect(route(get('/page-isr'), [], files)).toMatchObject({ routeMatches: undefined });
	});
});

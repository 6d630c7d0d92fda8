import { routesSchema, type Route } from '@vercel/routing-utils';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import {
	AMBIGUOUS_PATH_ROUTES,
	STRIP_INTERNAL_HEADERS_ROUTE,
	PROTOCOL_RELATIVE_PATH_ROUTE,
	withSiteRoutes,
} from '../../../src/isr/routes.ts';

const ASTRO_ROUTES: Route[] = [
	{ src: '^/(.*)/$', headers: { Location: '/$1' }, status: 308 },
	{ handle: 'filesystem' },
	{ src: '^/ssr$', dest: '_render' },
	{ src: '^(/blog/([^/]+?))$', dest: '/_isr?x_astro_path=$1&x_astro_path_token=t' },
	{ src: '^/.*$', dest: '_render', status: 404 },
];

describe('withSiteRoutes', () => {
	const routes = withSiteRoutes(ASTRO_ROUTES);

	it("puts the header-stripping route first, the // guard before Astro's redirects, then phase one, then the guards right after handle: filesystem, then the function routes", () => {
		expect(routes).toEqual([
			STRIP_INTERNAL_HEADERS_ROUTE,
			PROTOCOL_RELATIVE_PATH_ROUTE,
			ASTRO_ROUTES[0],
			{ handle: 'filesystem' },
			...AMBIGUOUS_PATH_ROUTES,
			...ASTRO_ROUTES.slice(2),
		]);
	});

	it('deletes the three internal Astro request headers on every path, and keeps routing', () => {
		expect(STRIP_INTERNAL_HEADERS_ROUTE).toEqual({
			src: '^/.*$',
			transforms: ['x-astro-path', 'x-astro-locals', 'x-astro-middleware-secret'].map((key) => ({
				type: 'request.headers',
				op: 'delete',
				target: { key },
			})),
			continue: true,
		});
	});

	it('answers an ambiguous path with an uncacheable 400 and no function', () => {
		expect(AMBIGUOUS_PATH_ROUTES.length).toBeGreaterThan(0);
		for (const route of AMBIGUOUS_PATH_ROUTES) {
			expect(route).toMatchObject({ status: 400, headers: { 'cache-control': 'no-store' } });
			expect(route).not.toHaveProperty('dest');
			expect(route).not.toHaveProperty('continue');
		}
	});

	it('produces routes that routing-utils accepts', () => {
		const validate = new Ajv({ strict: false }).compile(routesSchema);
		expect(validate(routes), JSON.stringify(validate.errors)).toBe(true);
	});

	it('is idempotent', () => {
		expect(withSiteRoutes(routes)).toEqual(routes);
	});

	it('leaves the input alone', () => {
		const copy = structuredClone(ASTRO_ROUTES);
		withSiteRoutes(ASTRO_ROUTES);
		expect(ASTRO_ROUTES).toEqual(copy);
	});

	it('puts the guards first when there is no filesystem handle', () => {
		const [first, ...rest] = withSiteRoutes([{ src: '^/x$', dest: '/y' }]);
		expect(first).toBe(STRIP_INTERNAL_HEADERS_ROUTE);
		expect(rest).toEqual([
			PROTOCOL_RELATIVE_PATH_ROUTE,
			...AMBIGUOUS_PATH_ROUTES,
			{ src: '^/x$', dest: '/y' },
		]);
	});
});

/**
 * Every route the site adds to `@astrojs/vercel`'s `config.json`, and their order:
 * 1. first of all, a route whose `transforms` delete Astro's internal request headers, so no
 *    visitor can send them to a render;
 * 2. first after `handle: filesystem` (before any function route), the guards that answer an
 *    ambiguous path with a 400 no function renders and no cache keeps;
 * 3. then Astro's own routes, unchanged.
 * The guards sit after `handle: filesystem` because a non-`continue` match before it still goes
 * on to the filesystem phase and its routes (`vercel dev`), while one after it ends routing.
 *
 * @see https://vercel.com/docs/build-output-api/configuration#routes
 * @see node_modules/@vercel/routing-utils/dist/schemas.js (`transformsSchema`)
 */
import {
	ASTRO_LOCALS_HEADER,
	ASTRO_MIDDLEWARE_SECRET_HEADER,
	ASTRO_PATH_HEADER,
} from '@astrojs/vercel';
import type { Route, RouteWithSrc } from '@vercel/routing-utils';
import { AMBIGUOUS_PATH_SOURCES } from './path-guard.ts';

/**
 * `@astrojs/vercel`'s internal request headers. The entrypoint trusts `x-astro-path` and
 * `x-astro-locals` from its edge middleware only (which proves itself with
 * `x-astro-middleware-secret`); from anybody else `x-astro-locals` makes it answer 403, so one
 * visitor could fail every background regeneration of a page.
 *
 * @see node_modules/@astrojs/vercel/dist/serverless/entrypoint.js
 */
export const ASTRO_INTERNAL_REQUEST_HEADERS: readonly string[] = [
	ASTRO_PATH_HEADER,
	ASTRO_LOCALS_HEADER,
	ASTRO_MIDDLEWARE_SECRET_HEADER,
];

/** 400 is not a cacheable status for ISR or the CDN (spec §2.2, §4), and `no-store` says so again. */
export const AMBIGUOUS_PATH_STATUS = 400;

export const STRIP_INTERNAL_HEADERS_ROUTE: RouteWithSrc = {
	src: '^/.*$',
	transforms: ASTRO_INTERNAL_REQUEST_HEADERS.map((key) => ({
		type: 'request.headers' as const,
		op: 'delete' as const,
		target: { key },
	})),
	continue: true,
};

export const AMBIGUOUS_PATH_ROUTES: readonly RouteWithSrc[] = AMBIGUOUS_PATH_SOURCES.map((src) => ({
	src,
	status: AMBIGUOUS_PATH_STATUS,
	headers: { 'cache-control': 'no-store' },
}));

/** Astro's routes with the site's own inserted; pure, and idempotent. */
export function withSiteRoutes(astroRoutes: readonly Route[]): Route[] {
	const routes = astroRoutes.filter((route) => !isSiteRoute(route));
	// Without a filesystem handle every route is in the first phase, where the guards go first.
	const filesystem = routes.findIndex(
		(route) => 'handle' in route && route.handle === 'filesystem',
	);
	routes.splice(filesystem + 1, 0, ...AMBIGUOUS_PATH_ROUTES);
	return [STRIP_INTERNAL_HEADERS_ROUTE, ...routes];
}

const SITE_ROUTES = new Set(
	[STRIP_INTERNAL_HEADERS_ROUTE, ...AMBIGUOUS_PATH_ROUTES].map((route) => JSON.stringify(route)),
);

function isSiteRoute(route: Route): boolean {
	return SITE_ROUTES.has(JSON.stringify(route));
}

/**
 * Every route the site adds to `@astrojs/vercel`'s `config.json`, and their order:
 * 1. first of all, a route whose `transforms` delete Astro's internal request headers, so no
 *    visitor can send them to a render; then, before Astro's redirects, a guard for paths that
 *    start with `//`, which Astro's trailing-slash redirect would turn into a protocol-relative
 *    `Location` (`//evil.example/` → `//evil.example`: an open redirect);
 * 2. first after `handle: filesystem` (before any function route), the guards that answer an
 *    ambiguous path with a 400 no function renders and no cache keeps;
 * 3. then Astro's own routes; a route with a rule (./route-rules.ts) goes to the rule's own
 *    prerender function, behind the routes that keep its query to the values that select a page.
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

/** A status and no `dest` ends routing (`vercel dev`'s `exitWithStatus`), before any redirect. */
export const PROTOCOL_RELATIVE_PATH_ROUTE: RouteWithSrc = {
	src: '^//.*$',
	status: AMBIGUOUS_PATH_STATUS,
	headers: { 'cache-control': 'no-store' },
};

export const AMBIGUOUS_PATH_ROUTES: readonly RouteWithSrc[] = AMBIGUOUS_PATH_SOURCES.map((src) => ({
	src,
	status: AMBIGUOUS_PATH_STATUS,
	headers: { 'cache-control': 'no-store' },
}));

/** How one rule's route is served: Astro's `src` for it, and the rule's function and query values. */
export interface RuleRouting {
	/** `src` of Astro's route for the pattern, as `@astrojs/vercel` writes it: `^(/blog)$`. */
	readonly src: string;
	/** Output path of the rule's prerender function, without the leading `/`: `_isr-blog`. */
	readonly functionName: string;
	/** Allowed query names and the regex of the values that select a page. */
	readonly queryValues: Readonly<Record<string, string>>;
}

/** The `@astrojs/vercel` dest prefix of the site-wide ISR function. */
const ASTRO_ISR_DEST = '/_isr?';

/**
 * The routes that serve one rule, in order: for each allowed query name, valid values go to the
 * rule's function (its `allowQuery` keys them), and any other value is redirected (308) to the
 * page without the query, so no other value ever makes a cache entry; then Astro's route itself,
 * whose query then holds none of the rule's names.
 */
export function ruleRoutes(astroRoute: RouteWithSrc, routing: RuleRouting): RouteWithSrc[] {
	const dest = `/${routing.functionName}?${astroRoute.dest!.slice(ASTRO_ISR_DEST.length)}`;
	const queryRoutes = Object.entries(routing.queryValues).flatMap(([key, value]) => [
		{ src: astroRoute.src, has: [{ type: 'query' as const, key, value }], dest },
		{
			src: astroRoute.src,
			has: [{ type: 'query' as const, key }],
			status: 308,
			// Ends in `?` so the visitor's query is not carried over: whether Vercel appends it to a
			// route's relative Location is not documented (runtime choice: it does when there is no `?`).
			headers: { Location: '$1?' },
		},
	]);
	return [...queryRoutes, { ...astroRoute, dest }];
}

/** Astro's routes with the site's own inserted; pure, and idempotent. */
export function withSiteRoutes(
	astroRoutes: readonly Route[],
	rules: readonly RuleRouting[] = [],
): Route[] {
	const routes = astroRoutes
		.filter((route) => !isSiteRoute(route))
		.flatMap((route): Route[] => {
			const rule = rules.find((candidate) => 'src' in route && route.src === candidate.src);
			const isAstroIsr = 'dest' in route && route.dest?.startsWith(ASTRO_ISR_DEST) === true;
			return rule && isAstroIsr ? ruleRoutes(route as RouteWithSrc, rule) : [route];
		});
	// Without a filesystem handle every route is in the first phase, where the guards go first.
	const filesystem = routes.findIndex(
		(route) => 'handle' in route && route.handle === 'filesystem',
	);
	routes.splice(filesystem + 1, 0, ...AMBIGUOUS_PATH_ROUTES);
	return [STRIP_INTERNAL_HEADERS_ROUTE, PROTOCOL_RELATIVE_PATH_ROUTE, ...routes];
}

const SITE_ROUTES = new Set(
	[STRIP_INTERNAL_HEADERS_ROUTE, PROTOCOL_RELATIVE_PATH_ROUTE, ...AMBIGUOUS_PATH_ROUTES].map(
		(route) => JSON.stringify(route),
	),
);

function isSiteRoute(route: Route): boolean {
	return SITE_ROUTES.has(JSON.stringify(route));
}

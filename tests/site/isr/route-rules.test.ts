import { describe, expect, it } from 'vitest';
import { resolveIsrConfig, IsrConfigError, ROUTE_RULES } from '../../../src/isr/config.ts';
import {
	checkPrerenderPaths,
	checkRulesAgainstRoutes,
	parseRouteRules,
	type KnownRoute,
} from '../../../src/isr/route-rules.ts';

const ROUTES: KnownRoute[] = [
	{ pattern: '/isr', patternRegex: /^\/isr$/, served: 'isr' },
	{ pattern: '/blog/[slug]', patternRegex: /^\/blog\/([^/]+?)$/, served: 'isr' },
	{ pattern: '/ssr', patternRegex: /^\/ssr$/, served: 'excluded' },
	{ pattern: '/about', patternRegex: /^\/about$/, served: 'static' },
];

describe('the site route rules', () => {
	it('give /isr 30 s, /blog a page query and prerender the blog posts', () => {
		const { routeRules } = resolveIsrConfig({});
		expect(routeRules['/isr']).toMatchObject({ expiration: 30, allowQuery: [] });
		expect(routeRules['/blog']?.allowQuery).toEqual(['page']);
		expect(typeof routeRules['/blog/[slug]']?.prerender).toBe('function');
		expect(Object.keys(routeRules)).toEqual(Object.keys(ROUTE_RULES));
	});
});

describe('parseRouteRules', () => {
	it.each([
		[{ expiration: 0 }, 'route rule "/isr": expiration must be a whole number of seconds ≥ 1'],
		[{ expiration: '30' }, 'route rule "/isr": expiration must be a whole number'],
		[{ allowQuery: ['a b'] }, 'route rule "/isr": allowQuery.0 must be a query name'],
		[{ allowQuery: ['page'] }, 'route rule "/isr": queryValues.page is missing'],
		[
			{ allowQuery: ['page'], queryValues: { page: '(' } },
			'queryValues.page is not a valid regular',
		],
		[{ queryValues: { page: '^1$' } }, 'queryValues.page names "page", which is not in allowQuery'],
		[{ prerender: '/isr' }, 'route rule "/isr": prerender must be a list of paths or a function'],
		[{ group: 0 }, 'route rule "/isr": group must be a whole number ≥ 1'],
		[{ expire: 3 }, 'route rule "/isr": (rule) Unrecognized key: "expire"'],
	])('refuses %o, naming the route and the field', (rule, message) => {
		expect(parseRouteRules({ '/isr': rule }).problems.join('\n')).toContain(message);
	});

	it('fails the ISR configuration with every problem', () => {
		expect(() => resolveIsrConfig({}, undefined, { '/isr': { expiration: -1 } })).toThrow(
			IsrConfigError,
		);
	});

	it('defaults allowQuery and queryValues to none', () => {
		expect(parseRouteRules({ '/isr': { expiration: false } }).rules['/isr']).toEqual({
			expiration: false,
			allowQuery: [],
			queryValues: {},
		});
	});
});

describe('checkRulesAgainstRoutes', () => {
	it('accepts rules on ISR routes', () => {
		expect(checkRulesAgainstRoutes(parseRouteRules({ '/isr': {} }).rules, ROUTES)).toEqual([]);
	});

	it.each([
		['/nope', 'route rule "/nope": names no route of this site (ISR routes: /isr, /blog/[slug])'],
		['/ssr', 'route rule "/ssr": the route is excluded from ISR'],
		['/about', 'route rule "/about": the route is static'],
	])('refuses a rule on %s', (pattern, message) => {
		const { rules } = parseRouteRules({ [pattern]: {} });
		expect(checkRulesAgainstRoutes(rules, ROUTES)).toEqual([expect.stringContaining(message)]);
	});
});

describe('checkPrerenderPaths', () => {
	const route = ROUTES[1]!;

	it('accepts paths the route matches', () => {
		expect(checkPrerenderPaths(route.pattern, route.patternRegex, ['/blog/a', '/blog/b'])).toEqual(
			[],
		);
	});

	it.each(['/isr', '/blog/a/b', 'blog/a', '/blog/a?x=1'])('refuses %s, naming it', (path) => {
		expect(checkPrerenderPaths(route.pattern, route.patternRegex, ['/blog/a', path])).toEqual([
			`route rule "/blog/[slug]": prerender[1] ${JSON.stringify(path)} does not match the route`,
		]);
	});
});

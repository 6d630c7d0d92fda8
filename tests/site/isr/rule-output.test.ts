import { routesSchema, type Route } from '@vercel/routing-utils';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { formatTable, REPORT_HEADER, reportRows } from '../../../src/isr/build-report.ts';
import { parseRouteRules } from '../../../src/isr/route-rules.ts';
import {
	initialHeadersOf,
	pathPrerenderConfig,
	prerenderedOutputName,
	ruleFunctionName,
	rulePrerenderConfig,
} from '../../../src/isr/rule-output.ts';
import { withSiteRoutes } from '../../../src/isr/routes.ts';

const site = { expiration: 60, bypassToken: 't'.repeat(43) };
const { rules } = parseRouteRules({
	'/isr': { expiration: 30, group: 2 },
	'/blog': { allowQuery: ['page'], queryValues: { page: '^[2-9]$' } },
});

describe('rule outputs', () => {
	it('name a function per route pattern', () => {
		expect(ruleFunctionName('/isr')).toBe('_isr-isr');
		expect(ruleFunctionName('/blog/[slug]')).toBe('_isr-blog-slug');
		expect(ruleFunctionName('/')).toBe('_isr-index');
		expect(prerenderedOutputName('/blog/hello')).toBe('blog/hello');
	});

	it("give a rule's function its own expiration, group and query names after Astro's", () => {
		expect(rulePrerenderConfig(rules['/isr']!, site)).toEqual({
			expiration: 30,
			bypassToken: site.bypassToken,
			allowQuery: ['x_astro_path', 'x_astro_path_token'],
			passQuery: true,
			group: 2,
		});
		expect(rulePrerenderConfig(rules['/blog']!, site)).toMatchObject({
			expiration: 60,
			allowQuery: ['x_astro_path', 'x_astro_path_token', 'page'],
		});
	});

	it('give a prerendered path its fallback, status and headers, without hop-by-hop ones', () => {
		const headers = initialHeadersOf(
			new Headers({ 'content-type': 'text/html', 'content-length': '3', date: 'x', 'x-a': '1' }),
		);
		expect(headers).toEqual({ 'content-type': 'text/html', 'x-a': '1' });
		expect(
			pathPrerenderConfig(rules['/isr']!, site, 'isr.prerender-fallback.html', {
				status: 200,
				headers,
			}),
		).toMatchObject({
			expiration: 30,
			allowQuery: [],
			fallback: { type: 'FileFsRef', fsPath: 'isr.prerender-fallback.html' },
			initialStatus: 200,
			initialHeaders: headers,
		});
	});
});

describe("a rule's routes", () => {
	const astro: Route[] = [
		{ handle: 'filesystem' },
		{ src: '^(/blog)$', dest: '/_isr?x_astro_path=$1&x_astro_path_token=tok' },
		{ src: '^(/)$', dest: '/_isr?x_astro_path=$1&x_astro_path_token=tok' },
	];
	const routing = [
		{ src: '^(/blog)$', functionName: '_isr-blog', queryValues: { page: '^[2-9]$' } },
	];
	const routes = withSiteRoutes(astro, routing);

	it('send valid values to the rule function, redirect other values, then route the rest there', () => {
		const dest = '/_isr-blog?x_astro_path=$1&x_astro_path_token=tok';
		expect(routes.filter((route) => 'src' in route && route.src === '^(/blog)$')).toEqual([
			{ src: '^(/blog)$', has: [{ type: 'query', key: 'page', value: '^[2-9]$' }], dest },
			{
				src: '^(/blog)$',
				has: [{ type: 'query', key: 'page' }],
				status: 308,
				headers: { Location: '$1?' },
			},
			{ src: '^(/blog)$', dest },
		]);
		expect(routes.at(-1)).toEqual(astro[2]);
	});

	it('validate against routesSchema and stay idempotent', () => {
		const validate = new Ajv({ strict: false }).compile(routesSchema);
		expect(validate(routes), JSON.stringify(validate.errors)).toBe(true);
		expect(withSiteRoutes(routes, routing)).toEqual(routes);
	});
});

describe('the build report', () => {
	it('lists rule, site-wide, excluded and static routes', () => {
		const rows = reportRows(
			[
				{ pattern: '/isr', served: 'isr' },
				{ pattern: '/', served: 'isr' },
				{ pattern: '/ssr', served: 'excluded' },
				{ pattern: '/about', served: 'static' },
				{ pattern: '/blog/[slug]', served: 'isr' },
			],
			[
				{
					pattern: '/isr',
					functionName: '_isr-isr',
					expiration: 30,
					allowQuery: [],
					prerendered: [],
				},
				{
					pattern: '/blog/[slug]',
					functionName: '_isr-blog-slug',
					expiration: false,
					allowQuery: ['page'],
					prerendered: ['/blog/a', '/blog/b', '/blog/c', '/blog/d'],
				},
			],
			60,
		);
		expect(rows).toEqual([
			['/isr', '_isr-isr', '30 s', '–', '–'],
			['/', '_isr', '60 s', '–', '–'],
			['/ssr', '_render', 'never cached', '–', '–'],
			['/about', 'static file', '–', '–', '–'],
			[
				'/blog/[slug]',
				'_isr-blog-slug',
				'until revalidated',
				'page',
				'/blog/a, /blog/b, /blog/c (+1 more)',
			],
		]);
		const table = formatTable(rows).split('\n');
		expect(table[0]).toMatch(new RegExp(`^\\| ${REPORT_HEADER.join(' +\\| ')} +\\|$`));
		expect(table[1]).toMatch(/^\| -+ \| -+ \|/);
		expect(table).toHaveLength(rows.length + 2);
	});
});

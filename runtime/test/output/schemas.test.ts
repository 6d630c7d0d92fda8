import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../output/config-schema.ts';
import { PrerenderConfigSchema } from '../../output/prerender-config.ts';
import { parseJsonText } from '../../output/read-json.ts';
import { VcConfigSchema } from '../../output/vc-config-schema.ts';

const CONFIG = '.vercel/output/config.json';
const VC_CONFIG = '.vercel/output/functions/_render.func/.vc-config.json';
const PRERENDER = '.vercel/output/functions/_isr.prerender-config.json';

function configError(value: unknown): string {
	return errorOf(() => parseJsonText(JSON.stringify(value), ConfigSchema, CONFIG));
}

function errorOf(parse: () => unknown): string {
	try {
		parse();
	} catch (error) {
		return (error as Error).message;
	}
	throw new Error('expected the file to be rejected');
}

describe('config.json schema', () => {
	it('accepts what @astrojs/vercel and @vercel/routing-utils emit', () => {
		const config = {
			version: 3,
			routes: [
				{ src: '^/(.*)/$', headers: { Location: '/$1' }, status: 308 },
				{ src: '^/_astro(?:/(.*))$', headers: { 'cache-control': 'x' }, continue: true },
				{ handle: 'filesystem' },
				{
					src: '^/blog(?:/([^/]+?))$',
					dest: '/post?slug=$1&v=$v',
					check: true,
					has: [{ type: 'header', key: 'x-a', value: '(?<v>.*)' }],
				},
				{ src: '^/.*$', dest: '_render', status: 404 },
			],
			overrides: { 'blog/one.html': { path: 'blog/one' } },
			framework: { version: '7.3.5' },
		};
		expect(parseJsonText(JSON.stringify(config), ConfigSchema, CONFIG).routes).toHaveLength(5);
	});

	it.each([
		[{ version: 2 }, 'version must be 3 (this runtime reads Build Output API v3)'],
		[{ version: 3, routes: {} }, 'routes must be array (received object)'],
		[
			{ version: 3, routes: [{ src: '^/(unclosed$' }] },
			'routes[0].src is not a valid regular expression',
		],
		[
			{ version: 3, routes: [{ src: '^/$', dest: 1 }] },
			'routes[0].dest must be string (received number)',
		],
		[
			{ version: 3, routes: [{ src: '^/$', status: 'x' }] },
			'routes[0].status must be number (received string)',
		],
		[{ version: 3, routes: [{ handle: 'fs' }] }, 'routes[0].handle must be "filesystem" or'],
		[
			{ version: 3, routes: [{ handle: 'filesystem' }, { handle: 'filesystem' }] },
			'routes[1].handle "filesystem" appears more than once',
		],
		[
			{ version: 3, routes: [{ src: '^/$', has: [{ type: 'header' }] }] },
			'routes[0].has[0].key must be string (received undefined)',
		],
		[{ version: 3, overrides: { 'a.html': { path: 1 } } }, 'overrides.a.html.path must be string'],
	])('names the file and the problem for %j', (config, problem) => {
		expect(configError(config)).toContain(`Invalid ${CONFIG}: ${problem}`);
	});

	it('reports a file that is not JSON', () => {
		expect(errorOf(() => parseJsonText('{ version: 3', ConfigSchema, CONFIG))).toMatch(
			/^Invalid \.vercel\/output\/config\.json: not valid JSON \(/,
		);
	});
});

describe('.vc-config.json schema', () => {
	const parse = (value: unknown) => () =>
		parseJsonText(JSON.stringify(value), VcConfigSchema, VC_CONFIG);

	it('accepts what @astrojs/vercel emits', () => {
		const config = {
			runtime: 'nodejs24.x',
			handler: 'dist/server/entry.mjs',
			launcherType: 'Nodejs',
			supportsResponseStreaming: true,
		};
		expect(parse(config)()).toEqual(config);
	});

	it.each([
		[{ handler: 'index.mjs' }, 'runtime must be string (received undefined)'],
		[{ runtime: 'nodejs24.x' }, 'handler is required for runtime "nodejs24.x"'],
		[{ runtime: 'edge' }, 'entrypoint is required for runtime "edge"'],
		[{ runtime: 'nodejs24.x', handler: 'i.mjs', maxDuration: -1 }, 'maxDuration must be > 0'],
	])('names the file and the problem for %j', (config, problem) => {
		expect(errorOf(parse(config))).toBe(`Invalid ${VC_CONFIG}: ${problem}`);
	});
});

describe('prerender config schema', () => {
	const parse = (value: unknown) => () =>
		parseJsonText(JSON.stringify(value), PrerenderConfigSchema, PRERENDER);

	it.each([
		[{}, 'expiration must be number or false (received undefined)'],
		[{ expiration: '60' }, 'expiration must be number or false (received string)'],
		[{ expiration: -1 }, 'expiration must be >= 0'],
		[{ expiration: 60, bypassToken: 'short' }, 'bypassToken must be at least 32 characters'],
		[{ expiration: 60, allowQuery: 'slug' }, 'allowQuery must be array (received string)'],
		[{ expiration: 60, fallback: 3 }, 'fallback must be string or object (received number)'],
		[
			{ expiration: 60, experimentalBypassFor: [{ type: 'query', key: 'id', value: '(' }] },
			'experimentalBypassFor[0].value is not a valid regular expression',
		],
		[
			{ expiration: 60, experimentalBypassFor: [{ type: 'cookie', value: 'x' }] },
			'experimentalBypassFor[0].key must be string (received undefined)',
		],
	])('names the file and the problem for %j', (config, problem) => {
		expect(errorOf(parse(config))).toContain(`Invalid ${PRERENDER}: ${problem}`);
	});

	it('accepts experimentalBypassFor conditions with the has field values routes use', () => {
		const experimentalBypassFor = [
			{ type: 'header', key: 'next-action' },
			{ type: 'cookie', key: 'mode', value: 'draft|preview' },
			{ type: 'query', key: 'v', value: { gte: 2, neq: '3' } },
			{ type: 'host', value: { suf: '.preview.test' } },
		];
		const config = { expiration: 60, experimentalBypassFor };
		expect(parse(config)()).toEqual(config);
	});
});

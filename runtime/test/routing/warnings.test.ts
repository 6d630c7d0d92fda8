import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../output/config-schema.ts';
import { PrerenderConfigSchema } from '../../output/prerender-config.ts';
import type { PrerenderFunction } from '../../output/types.ts';
import { outputWarnings } from '../../output/warnings.ts';

function prerender(outputPath: string, config: unknown): PrerenderFunction {
	const parsed = PrerenderConfigSchema.parse(config);
	return {
		kind: 'prerender',
		outputPath,
		function: { kind: 'function', outputPath, dir: '/', config: { runtime: 'nodejs24.x' } },
		prerender: { outputPath, config: parsed },
	} as PrerenderFunction;
}

function warningsOf(config: unknown, prerenders: PrerenderFunction[] = []) {
	const parsed = ConfigSchema.parse(config);
	return outputWarnings(parsed, parsed.routes ?? [], prerenders);
}

describe('outputWarnings', () => {
	it('warns once per ignored route field, naming the routes and what a visitor could do', () => {
		const warnings = warningsOf({
			version: 3,
			routes: [
				{ src: '/a', mitigate: { action: 'deny' } },
				{ src: '/b', mitigate: { action: 'challenge' } },
				{ src: '/c', middlewarePath: 'middleware' },
				{ handle: 'filesystem' },
				{ src: '/d', dest: '/x', flavour: 'new' },
			],
		});
		expect(warnings).toEqual([
			'config.json: "mitigate" (routes[0], routes[1]) is ignored: firewall actions are not applied, so a request Vercel would deny or challenge reaches the function',
			'config.json: "middlewarePath" (routes[2]) is ignored: Edge Middleware does not run here, so a visitor gets past whatever it does on Vercel (auth, redirects, rewrites, headers)',
			'config.json: "flavour" (routes[4]) is ignored: the runtime does not know this field',
		]);
	});

	it('does not warn about the fields the router applies, transforms included', () => {
		const warnings = warningsOf({
			version: 3,
			framework: { version: '1' },
			routes: [
				{
					src: '.*',
					continue: true,
					transforms: [{ type: 'request.query', op: 'delete', target: { key: '__pathname' } }],
				},
				{ src: '/a', dest: '/b', has: [{ type: 'host', value: 'x' }], caseSensitive: true },
			],
		});
		expect(warnings).toEqual([]);
	});

	it('warns about env in transforms and about ignored config.json fields', () => {
		const warnings = warningsOf({
			version: 3,
			images: { sizes: [640] },
			routes: [
				{
					src: '/a',
					transforms: [
						{
							type: 'request.headers',
							op: 'set',
							target: { key: 'x-key' },
							args: '$API_KEY',
							env: ['API_KEY'],
						},
					],
				},
			],
		});
		expect(warnings).toEqual([
			'config.json: "images" is ignored: image optimisation is not served, so a visitor asking for /_vercel/image gets 404',
			'config.json: "env" (routes[0]) is ignored: environment variables are not substituted, so "$NAME" in dest and headers stays as written',
		]);
	});

	it('warns once per ignored prerender-config field, but not about group, allowHeader or exposeErrBody: true', () => {
		const warnings = warningsOf({ version: 3 }, [
			prerender('/a', { expiration: 60, allowHeader: ['x-tenant'], group: 1, exposeErrBody: true }),
			prerender('/b', { expiration: 60, allowHeader: ['x-tenant'], staleExpiration: 600 }),
			prerender('/c', { expiration: 60, onMiss: 'dynamic', chain: { outputPath: '/x' } }),
		]);
		expect(warnings).toEqual([
			'prerender config: "staleExpiration" (/b) is ignored: a stale entry is served STALE however old it is, so a visitor can get a page older than staleExpiration allows',
			'prerender config: "onMiss" (/c) is ignored: a miss always renders in the foreground (or serves the fallback), whatever it says',
			'prerender config: "chain" (/c) is ignored: chained (partial prerendering) responses are not resumed, so a visitor gets the prerendered part only',
		]);
	});
});

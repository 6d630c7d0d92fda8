import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { describe, expect, it, vi } from 'vitest';
import { resolveIsrConfig } from '../../../src/isr/config.ts';
import { isrConfigIntegration } from '../../../src/isr/integration.ts';

/** A Build Output folder with Astro's `_isr` prerender function and these routes; its project root. */
async function writeOutput(routes: unknown[]): Promise<string> {
	const root = await mkdtemp(join(tmpdir(), 'isr-integration-'));
	const functions = join(root, '.vercel/output/functions');
	await mkdir(join(functions, '_isr.func'), { recursive: true });
	await writeFile(join(root, '.vercel/output/config.json'), JSON.stringify({ version: 3, routes }));
	await writeFile(
		join(functions, '_isr.func/.vc-config.json'),
		JSON.stringify({ runtime: 'nodejs24.x', handler: 'index.mjs', launcherType: 'Nodejs' }),
	);
	await writeFile(
		join(functions, '_isr.prerender-config.json'),
		JSON.stringify({ expiration: 60, bypassToken: 'integration-test-bypass-token-0123456789' }),
	);
	return root;
}

type Hooks = Record<string, (options: Record<string, unknown>) => unknown>;

function fakeLogger() {
	return {
		info: vi.fn(),
		warn: vi.fn(),
		error: vi.fn(),
		debug: vi.fn(),
	} as unknown as AstroIntegrationLogger & {
		info: ReturnType<typeof vi.fn>;
	};
}

function hooksOf(env: Record<string, string>): Hooks {
	return isrConfigIntegration(resolveIsrConfig(env, undefined, {})).hooks as unknown as Hooks;
}

describe('isrConfigIntegration', () => {
	it('says once, at build time, that revalidation uses a per-build token when none is set', () => {
		const logger = fakeLogger();
		hooksOf({})['astro:config:setup']!({ logger, command: 'build', updateConfig: vi.fn() });
		expect(logger.info).toHaveBeenCalledTimes(1);
		expect(logger.info.mock.calls[0]?.[0]).toContain('per-build token');
	});

	it('says nothing about the token when ISR_BYPASS_TOKEN is set', () => {
		const logger = fakeLogger();
		hooksOf({ ISR_BYPASS_TOKEN: 'k'.repeat(40) })['astro:config:setup']!({
			logger,
			command: 'build',
			updateConfig: vi.fn(),
		});
		expect(logger.info).not.toHaveBeenCalled();
	});

	it('refuses to serve virtual:isr-config to client code', () => {
		const updateConfig = vi.fn();
		hooksOf({})['astro:config:setup']!({ logger: fakeLogger(), command: 'build', updateConfig });
		const plugin = updateConfig.mock.calls[0]?.[0].vite.plugins[0];
		const id = plugin.resolveId('virtual:isr-config');
		const client = { environment: { config: { consumer: 'client' } } };
		const server = { environment: { config: { consumer: 'server' } } };
		expect(() => plugin.load.call(client, id)).toThrow(/server-only/);
		expect(plugin.load.call(server, id)).toContain('bypassToken');
	});

	it('fails the build when an API route would be served by the ISR function', async () => {
		const root = await writeOutput([
			{ handle: 'filesystem' },
			{ src: '^(/api/([^/]+?))$', dest: '/_isr?x_astro_path=$1&x_astro_path_token=t' },
		]);
		const hooks = hooksOf({});
		hooks['astro:config:done']!({ config: { root: pathToFileURL(`${root}/`) } });
		hooks['astro:routes:resolved']!({
			routes: [
				{
					pattern: '/api/[name]',
					type: 'endpoint',
					isPrerendered: false,
					patternRegex: /^\/api\/([^/]+?)$/,
				},
			],
		});
		await expect(hooks['astro:build:done']!({ logger: fakeLogger() })).rejects.toThrow(
			/API or admin routes would be cached by the ISR function: \/api\/name/,
		);
	});
	it('fails the build when an admin page would be served by the ISR function', async () => {
		const root = await writeOutput([
			{ handle: 'filesystem' },
			{ src: '^(/admin/([^/]+?))$', dest: '/_isr?x_astro_path=$1&x_astro_path_token=t' },
		]);
		const hooks = hooksOf({});
		hooks['astro:config:done']!({ config: { root: pathToFileURL(`${root}/`) } });
		hooks['astro:routes:resolved']!({
			routes: [
				{
					pattern: '/admin/[name]',
					type: 'page',
					isPrerendered: false,
					patternRegex: /^\/admin\/([^/]+?)$/,
				},
			],
		});
		await expect(hooks['astro:build:done']!({ logger: fakeLogger() })).rejects.toThrow(
			/API or admin routes would be cached by the ISR function: \/admin\/name/,
		);
	});
});

describe('the route rules at build', () => {
	const route = (pattern: string, patternRegex: RegExp) => ({
		pattern,
		type: 'page',
		isPrerendered: false,
		patternRegex,
	});

	it.each([
		[{ '/nope': {} }, 'route rule "/nope": names no route of this site'],
		[{ '/ssr': { expiration: 5 } }, 'route rule "/ssr": the route is excluded from ISR'],
	])('fail the build for %o, naming the route', (rules, message) => {
		const hooks = isrConfigIntegration(resolveIsrConfig({}, undefined, rules))
			.hooks as unknown as Hooks;
		expect(() =>
			hooks['astro:routes:resolved']!({
				routes: [route('/isr', /^\/isr$/), route('/ssr', /^\/ssr$/)],
			}),
		).toThrow(message);
	});

	it('fail the build for a prerendered path its route does not match', async () => {
		const rules = { '/blog/[slug]': { prerender: ['/blog/a', '/isr'] } };
		const hooks = isrConfigIntegration(resolveIsrConfig({}, undefined, rules))
			.hooks as unknown as Hooks;
		hooks['astro:routes:resolved']!({ routes: [route('/blog/[slug]', /^\/blog\/([^/]+?)$/)] });
		await expect(hooks['astro:build:start']!({})).rejects.toThrow(
			'route rule "/blog/[slug]": prerender[1] "/isr" does not match the route',
		);
	});
});

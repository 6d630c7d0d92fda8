import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { lstat, readFile, readlink } from 'node:fs/promises';
import { FileFsRef, Prerender } from '@vercel/build-utils';
import { routesSchema } from '@vercel/routing-utils';
import { Ajv } from 'ajv';
import { describe, expect, inject, it } from 'vitest';
import { readOutputDir } from '@astro-isr/vercel-runtime/output';
import { BLOG_PAGE_VALUES } from '../../../src/isr/config.ts';
import { routeOf } from '../../../src/isr/route-check.ts';
import { listFiles, readJson, type RouteEntry } from './output.ts';

const build = inject('siteBuild');
const functions = join(build.outputDir, 'functions');

describe('the build output', () => {
	it('writes an _isr prerender config with the configured expiration and token that Vercel accepts', async () => {
		const config = await readJson<Record<string, unknown>>(
			join(functions, '_isr.prerender-config.json'),
		);
		expect(config).toEqual({
			expiration: build.expiration,
			bypassToken: build.bypassToken,
			allowQuery: ['x_astro_path', 'x_astro_path_token'],
			passQuery: true,
		});
		// Vercel's own validator: throws on a short token, a bad expiration or allowQuery.
		const prerender = new Prerender({ ...config, expiration: build.expiration, fallback: null });
		expect(prerender.bypassToken).toBe(build.bypassToken);
		expect(prerender.expiration).toBe(build.expiration);
	});

	it('runs both functions on nodejs24.x', async () => {
		for (const name of ['_isr', '_render']) {
			const vc = await readJson<{ runtime: string; launcherType: string }>(
				join(functions, `${name}.func`, '.vc-config.json'),
			);
			expect(vc).toMatchObject({ runtime: 'nodejs24.x', launcherType: 'Nodejs' });
		}
	});

	it('writes a config.json whose routes validate against routesSchema from @vercel/routing-utils', async () => {
		const config = await readJson<{ version: number; routes: unknown[] }>(
			join(build.outputDir, 'config.json'),
		);
		expect(config.version).toBe(3);
		const validate = new Ajv({ strict: false }).compile(routesSchema);
		expect(validate(config.routes), JSON.stringify(validate.errors)).toBe(true);
	});

	describe('routes', async () => {
		const { routes } = await readJson<{ routes: RouteEntry[] }>(
			join(build.outputDir, 'config.json'),
		);
		const output = await readOutputDir(build.outputDir);
		const routed = (path: string) => routeOf(output.routes, output.files, path);

		const pathParams = (path: string) => {
			const result = routed(path);
			return new URLSearchParams(result.kind === 'prerender' ? result.search : '');
		};

		it.each(['/', '/data.json', '/404'])('sends %s to the site-wide _isr function', (path) => {
			expect(routed(path)).toMatchObject({ kind: 'prerender', path: '/_isr' });
		});

		it.each([
			['/isr', '_isr-isr'],
			['/blog', '_isr-blog'],
			['/blog/not-written-yet', '_isr-blog-slug'],
		])("sends %s to its rule's function %s, keeping Astro's path parameters", (path, name) => {
			expect(routed(path)).toMatchObject({ kind: 'prerender', path: `/${name}` });
			expect(pathParams(path).get('x_astro_path')).toBe(path);
			expect(pathParams(path).get('x_astro_path_token')).toBe(
				pathParams('/').get('x_astro_path_token'),
			);
		});

		it('sends only valid page numbers of /blog to its function, and redirects any other value', () => {
			const blog = routes.filter((route) => route.src === '^(/blog)$');
			expect(blog).toEqual([
				{
					src: '^(/blog)$',
					has: [{ type: 'query', key: 'page', value: BLOG_PAGE_VALUES }],
					dest: expect.stringMatching(/^\/_isr-blog\?/),
				},
				{
					src: '^(/blog)$',
					has: [{ type: 'query', key: 'page' }],
					status: 308,
					headers: { Location: '$1?' },
				},
				{ src: '^(/blog)$', dest: expect.stringMatching(/^\/_isr-blog\?/) },
			]);
		});

		it.each(['/ssr', '/api/revalidate', '/api/anything'])(
			'sends %s to the plain _render function',
			(path) => {
				expect(routed(path)).toMatchObject({ kind: 'function', path: '/_render' });
			},
		);

		it("deletes Astro's internal request headers in the first route, before anything else", () => {
			expect(routes[0]).toEqual({
				src: '^/.*$',
				transforms: ['x-astro-path', 'x-astro-locals', 'x-astro-middleware-secret'].map((key) => ({
					type: 'request.headers',
					op: 'delete',
					target: { key },
				})),
				continue: true,
			});
		});

		it.each(['/blog/..%2Fssr', '/blog/%2e%2e%2fisr', '/blog/..%2F', '/blog/..%5Cssr', '/blog/%2E'])(
			'answers %s with an uncacheable 400 route placed before every function route',
			(path) => {
				const filesystem = routes.findIndex((route) => route.handle === 'filesystem');
				const guard = routes.findIndex(
					(route) => route.status === 400 && new RegExp(route.src ?? '$^').test(path),
				);
				const firstFunction = routes.findIndex(
					(route, index) => index > filesystem && route.dest !== undefined,
				);
				expect(guard).toBeGreaterThan(filesystem);
				expect(guard).toBeLessThan(firstFunction);
				expect(routes[guard]).toEqual({
					src: expect.any(String),
					status: 400,
					headers: { 'cache-control': 'no-store' },
				});
			},
		);

		it('redirects trailing slashes, so a page has one cache key', () => {
			const redirect = routes.find((route) => route.status === 308);
			expect(redirect?.headers?.Location).toBe('/$1');
			expect(new RegExp(redirect!.src!).test('/isr/')).toBe(true);
		});

		it('marks /_astro/* assets immutable', () => {
			const assets = routes.find((route) => route.src?.startsWith('^/_astro'));
			expect(assets?.headers?.['cache-control']).toBe('public, max-age=31536000, immutable');
		});

		it('allow-lists every query param used in an ISR rewrite', async () => {
			const { allowQuery } = await readJson<{ allowQuery: string[] }>(
				join(functions, '_isr.prerender-config.json'),
			);
			const params = routes
				.filter((route) => route.dest?.startsWith('/_isr?'))
				.flatMap((route) => [...new URL(route.dest!, 'https://x').searchParams.keys()]);
			expect(params.length).toBeGreaterThan(0);
			for (const param of params) expect(allowQuery).toContain(param);
		});
	});

	describe.each([
		['_isr-isr', 30, []],
		['_isr-blog', build.expiration, ['page']],
		['_isr-blog-slug', build.expiration, []],
	])('the rule function %s', (name, expiration, ownQuery) => {
		it('is a symlink to _isr.func, as SvelteKit writes one per route', async () => {
			const link = join(functions, `${name}.func`);
			expect((await lstat(link)).isSymbolicLink()).toBe(true);
			expect(await readlink(link)).toBe('_isr.func');
		});

		it("has its own prerender config, with Astro's path parameters and its own, that Vercel accepts", async () => {
			const config = await readJson<Record<string, unknown>>(
				join(functions, `${name}.prerender-config.json`),
			);
			expect(config).toEqual({
				expiration,
				bypassToken: build.bypassToken,
				allowQuery: ['x_astro_path', 'x_astro_path_token', ...ownQuery],
				passQuery: true,
			});
			const prerender = new Prerender({ ...config, expiration, fallback: null });
			expect(prerender.expiration).toBe(expiration);
		});
	});

	describe.each(['hello-world', 'on-demand-revalidation', 'cache-headers'])(
		'the prerendered post /blog/%s',
		(slug) => {
			const base = join(functions, 'blog', slug);

			it('is a prerender output of its own, whose fallback Vercel accepts', async () => {
				expect(await readlink(`${base}.func`)).toBe('../_isr.func');
				const config = await readJson<Record<string, unknown>>(`${base}.prerender-config.json`);
				expect(config).toMatchObject({
					expiration: build.expiration,
					bypassToken: build.bypassToken,
					allowQuery: [],
					initialStatus: 200,
					fallback: { type: 'FileFsRef', fsPath: `${slug}.prerender-fallback.html` },
				});
				const { fallback, ...rest } = config as { fallback: { fsPath: string } } & Record<
					string,
					unknown
				>;
				const prerender = new Prerender({
					...rest,
					expiration: build.expiration,
					fallback: new FileFsRef({ fsPath: join(functions, 'blog', fallback.fsPath) }),
				});
				expect(prerender.initialStatus).toBe(200);
			});

			it('has a fallback rendered at build by the ISR function, with its headers', async () => {
				const config = await readJson<{ initialHeaders: Record<string, string> }>(
					`${base}.prerender-config.json`,
				);
				const html = await readFile(`${base}.prerender-fallback.html`, 'utf8');
				const generatedAt = /data-generated-at="([^"]+)"/.exec(html)?.[1];
				expect(generatedAt).toBe(config.initialHeaders['x-generated-at']);
				expect(config.initialHeaders).toMatchObject({
					'content-type': 'text/html; charset=utf-8',
					'cache-control': 'public, max-age=0, must-revalidate',
					'x-content-tags': `post:${slug}`,
				});
				expect(html).not.toContain(build.bypassToken);
			});
		},
	);

	it('ends with a table of how each route is served', () => {
		const table = build.log.slice(build.log.indexOf('| route'));
		const rows = table.split('\n').filter((line) => line.startsWith('|'));
		const cells = (pattern: string) =>
			rows
				.find((row) => row.startsWith(`| ${pattern} `))
				?.split('|')
				.slice(1, -1)
				.map((cell) => cell.trim());
		expect(cells('route')).toEqual([
			'route',
			'function',
			'expiration',
			'allowQuery',
			'prerendered paths',
		]);
		expect(cells('/isr')).toEqual(['/isr', '_isr-isr', '30 s', '–', '–']);
		expect(cells('/blog')).toEqual(['/blog', '_isr-blog', `${build.expiration} s`, 'page', '–']);
		expect(cells('/blog/[slug]')?.slice(0, 3)).toEqual([
			'/blog/[slug]',
			'_isr-blog-slug',
			`${build.expiration} s`,
		]);
		expect(cells('/blog/[slug]')?.[4]).toContain('/blog/hello-world');
		expect(cells('/')).toEqual(['/', '_isr', `${build.expiration} s`, '–', '–']);
		expect(cells('/ssr')).toEqual(['/ssr', '_render', 'never cached', '–', '–']);
	});

	it('puts the bypass token in no static file and no client chunk', async () => {
		const files = await listFiles(join(build.outputDir, 'static'));
		expect(files.length).toBeGreaterThan(0);
		for (const file of files) {
			expect((await readFile(file)).includes(build.bypassToken), file).toBe(false);
		}
	});
});

describe('a build with bad ISR settings', () => {
	const astro = join(build.root, '..', '..', 'node_modules', 'astro', 'bin', 'astro.mjs');

	async function failingBuild(env: Record<string, string>): Promise<string> {
		try {
			await promisify(execFile)(process.execPath, [astro, 'build', '--root', build.root], {
				cwd: build.root,
				env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
			});
		} catch (error) {
			const { stdout, stderr } = error as { stdout: string; stderr: string };
			return stdout + stderr;
		}
		throw new Error('the build succeeded');
	}

	it.each([
		[{ ISR_EXPIRATION: 'soon' }, 'ISR_EXPIRATION="soon" is not allowed'],
		[
			{ ISR_BYPASS_TOKEN: 'too-short' },
			'ISR_BYPASS_TOKEN is 9 characters long; Vercel needs at least 32',
		],
		[{ ISR_BYPASS_TOKEN: `${'x'.repeat(40)}/+=` }, 'not safe in a URL or an HTTP header'],
	])(
		'fails with %o and says what to fix',
		async (env, message) => {
			expect(await failingBuild(env)).toContain(message);
		},
		// Each case starts Node and Astro, which can take more than the default 5 s on busy cores.
		60_000,
	);
});

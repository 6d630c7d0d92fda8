import { describe, expect, inject, it } from 'vitest';
import { formatBanner } from '@astro-isr/vercel-runtime';
import { readOutputDir } from '@astro-isr/vercel-runtime/output';
import { route, type RouteResult } from '@astro-isr/vercel-runtime/routing';

// The runtime's own tests use hand-written folders; these read the site's real build.

function query(result: RouteResult): Record<string, string> {
	return result.kind === 'prerender' || result.kind === 'function'
		? Object.fromEntries(new URLSearchParams(result.search))
		: {};
}

describe('the runtime on the real astro build', () => {
	it('routes it as the hand-written Astro routes', async () => {
		const output = await readOutputDir(inject('siteBuild').outputDir);
		const get = (path: string) =>
			route(
				{ method: 'GET', url: `http://localhost:4321${path}`, headers: new Headers() },
				output.routes,
				output.files,
			);

		const isrPage = get('/isr');
		// /isr has a route rule of its own (src/isr/config.ts), so its own prerender function.
		expect(isrPage).toMatchObject({ kind: 'prerender', path: '/_isr-isr' });
		expect(query(isrPage).x_astro_path).toBe('/isr');
		expect(query(isrPage).x_astro_path_token).toMatch(/^[0-9a-f-]{36}$/);
		const crafted = get('/isr?x_astro_path=/ssr');
		expect(
			new URLSearchParams(crafted.kind === 'prerender' ? crafted.search : '').getAll(
				'x_astro_path',
			),
		).toEqual(['/isr']);
		expect(get('/')).toMatchObject({ kind: 'prerender', path: '/_isr' });
		// Prerendered at build: its own output, found in the filesystem phase.
		expect(get('/blog/hello-world')).toMatchObject({
			kind: 'prerender',
			path: '/blog/hello-world',
		});
		expect(get('/ssr')).toMatchObject({ kind: 'function', path: '/_render' });
		expect(get('/nope')).toMatchObject({ kind: 'function', path: '/_render', status: 404 });
		expect(get('/favicon.svg')).toMatchObject({ kind: 'static' });
		expect(get('/isr/')).toMatchObject({ kind: 'redirect', location: '/isr', status: 308 });
	});

	it('lists its ISR routes in the banner as paths, not regular expressions', async () => {
		const output = await readOutputDir(inject('siteBuild').outputDir);
		const lines = formatBanner('http://localhost:4321', output)
			.split('\n')
			.filter((l) => l.startsWith('  ISR'));
		// Lines without " → " are the posts prerendered at build, outputs at their own path.
		const entries = lines
			.map((line) => line.replace(/^ {2}ISR {5}/, '').split(' → '))
			.filter((entry) => entry.length === 2);
		const targets = Object.fromEntries(entries.map(([sources, target]) => [target, sources]));
		// The site's route rules give /isr and /blog/[slug] prerender functions of their own.
		expect(targets['/_isr (60 s)']?.split(', ')).toEqual(
			expect.arrayContaining(['/', '/data.json']),
		);
		expect(targets['/_isr-isr (30 s)']).toBe('/isr');
		expect(targets['/_isr-blog-slug (60 s)']).toBe('/blog/*');
		for (const [sources] of entries) expect(sources).not.toMatch(/[\^$()\\?[\]]/);
	});
});

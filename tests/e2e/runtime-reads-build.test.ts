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
		expect(isrPage).toMatchObject({ kind: 'prerender', path: '/_isr' });
		expect(query(isrPage).x_astro_path).toBe('/isr');
		expect(query(isrPage).x_astro_path_token).toMatch(/^[0-9a-f-]{36}$/);
		const crafted = get('/isr?x_astro_path=/ssr');
		expect(
			new URLSearchParams(crafted.kind === 'prerender' ? crafted.search : '').getAll(
				'x_astro_path',
			),
		).toEqual(['/isr']);
		expect(get('/blog/hello-world')).toMatchObject({ kind: 'prerender', path: '/_isr' });
		expect(get('/ssr')).toMatchObject({ kind: 'function', path: '/_render' });
		expect(get('/nope')).toMatchObject({ kind: 'function', path: '/_render', status: 404 });
		expect(get('/favicon.svg')).toMatchObject({ kind: 'static' });
		expect(get('/isr/')).toMatchObject({ kind: 'redirect', location: '/isr', status: 308 });
	});

	it('lists its ISR routes in the banner as paths, not regular expressions', async () => {
		const output = await readOutputDir(inject('siteBuild').outputDir);
		const [line, ...others] = formatBanner('http://localhost:4321', output)
			.split('\n')
			.filter((l) => l.startsWith('  ISR'));
		expect(others).toEqual([]);
		const [sources, target] = line.replace(/^ {2}ISR {5}/, '').split(' → ');
		expect(target).toBe('/_isr (60 s)');
		expect(sources.split(', ')).toEqual(expect.arrayContaining(['/', '/isr', '/blog/*']));
		expect(sources).not.toMatch(/[\^$()\\?[\]]/);
	});
});

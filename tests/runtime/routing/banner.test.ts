import { describe, expect, inject, it } from 'vitest';
import { formatBanner } from '../../../runtime/log.ts';
import { readOutputDir } from '../../../runtime/output/read-output-dir.ts';
import { fixture } from '../support/fixtures.ts';

async function isrLines(dir: string): Promise<string[]> {
	const output = await readOutputDir(dir);
	return formatBanner('http://localhost:4321', output)
		.split('\n')
		.filter((line) => line.startsWith('  ISR'));
}

describe('formatBanner ISR lines', () => {
	it('reads the real Astro build routes as paths, not regular expressions', async () => {
		const lines = await isrLines(inject('siteBuild').outputDir);
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

	it('reads SvelteKit-shaped routes as paths', async () => {
		expect(await isrLines(fixture('sveltekit'))).toEqual([
			'  ISR     / → /__root__ (60 s)',
			'  ISR     /__data.json → /__root__/__data.json (60 s)',
			'  ISR     /blog/* → /blog/[slug] (60 s)',
			'  ISR     /blog/*/__data.json → /blog/[slug]/__data.json (60 s)',
		]);
	});

	it('reads Nitro-shaped routes as paths', async () => {
		expect(await isrLines(fixture('nitro'))).toEqual([
			'  ISR     /blog/** → /blog/[...]-isr (until revalidated)',
			'  ISR     / → /index-isr (60 s)',
			'  ISR     /products/** → /products/[...]-isr (60 s)',
		]);
	});
});

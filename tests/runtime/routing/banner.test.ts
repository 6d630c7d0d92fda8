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
		const [line, ...others] = await isrLines(inject('siteBuild').outputDir);
		expect(others).toEqual([]);
		const [sources, target] = line.replace(/^ {2}ISR {5}/, '').split(' → ');
		expect(target).toBe('/_isr (60 s)');
		expect(sources.split(', ')).toEqual(expect.arrayContaining(['/', '/isr', '/blog/*']));
		expect(sources).not.toMatch(/[\^$()\\?[\]]/);
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

import { describe, expect, it } from 'vitest';
import { formatBanner } from '../../log.ts';
import { readOutputDir } from '../../output/read-output-dir.ts';
import { fixture } from '../support/fixtures.ts';

async function isrLines(dir: string): Promise<string[]> {
	const output = await readOutputDir(dir);
	return formatBanner('http://localhost:4321', output)
		.split('\n')
		.filter((line) => line.startsWith('  ISR'));
}

describe('formatBanner ISR lines', () => {
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

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowedQuery } from '../../../src/isr/allowed-query.ts';
import { resolveIsrConfig } from '../../../src/isr/config.ts';
import { PROJECT_ROOT } from '../../support/site-build.ts';

const { routeRules } = resolveIsrConfig({});
const query = (url: string, pattern: string) =>
	Object.fromEntries(allowedQuery(new URL(url, 'https://x'), pattern, routeRules));

describe('allowedQuery', () => {
	it("gives a page only its rule's parameters, with values the rule accepts", () => {
		expect(query('/blog?page=2&utm_source=x&x_astro_path=/ssr', '/blog')).toEqual({ page: '2' });
		expect(query('/blog?page=02', '/blog')).toEqual({});
		expect(query('/blog?page=1', '/blog')).toEqual({});
	});

	it('gives a route without a rule, or without allowQuery, nothing', () => {
		expect(query('/isr?page=2', '/isr')).toEqual({});
		expect(query('/?page=2', '/')).toEqual({});
	});
});

async function sources(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { withFileTypes: true, recursive: true });
	return entries
		.filter((entry) => entry.isFile() && /\.(astro|ts)$/.test(entry.name))
		.map((entry) => join(entry.parentPath, entry.name));
}

describe('the pages', () => {
	it('read the query only through allowedQuery', async () => {
		const offending: string[] = [];
		for (const dir of ['src/pages', 'src/components', 'src/layouts']) {
			for (const file of await sources(join(PROJECT_ROOT, dir))) {
				const text = await readFile(file, 'utf8');
				if (/\.search(Params)?\b|[?&]page=|getAll\(/.test(text.replace(/\/\/.*$/gm, ''))) {
					offending.push(file.slice(PROJECT_ROOT.length));
				}
			}
		}
		// The editor's pages are excluded from ISR and read their own forms.
		expect(offending.filter((file) => !file.startsWith('src/pages/admin/'))).toEqual([]);
	});
});

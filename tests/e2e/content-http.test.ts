import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tagsForChange } from '../../src/revalidate/tags.ts';
import { createTestDatabase, type TestDatabase } from '../support/content-db.ts';
import { startHranaServer, type HranaServer } from '../support/hrana-server.ts';
import { SECRET, read } from './content-support.ts';
import { build, startSite, type Site } from './support.ts';

const TOKEN = 'turso-token-for-tests';

let database: TestDatabase;
let hosted: HranaServer;
let site: Site;
beforeAll(async () => {
	database = await createTestDatabase();
	hosted = await startHranaServer(database.path, TOKEN);
	site = await startSite({
		TURSO_DATABASE_URL: hosted.url,
		TURSO_AUTH_TOKEN: TOKEN,
		REVALIDATE_SECRET: SECRET,
	});
});
afterAll(async () => {
	await site?.close();
	await hosted?.close();
	await database?.close();
});

describe('the built ISR function', () => {
	it('imports only the HTTP libSQL client and carries no native libSQL binary', async () => {
		const functionDir = join(build.outputDir, 'functions/_isr.func');
		const files = await readdir(functionDir, { recursive: true });
		const code = await Promise.all(
			files
				.filter((file) => file.startsWith('dist') && file.endsWith('.mjs'))
				.map((file) => readFile(join(functionDir, file), 'utf8')),
		);
		const imports = code.flatMap((text) => [
			...text.matchAll(/(?:from|import\(|require\()\s*["']([^"']*libsql[^"']*)["']/g),
		]);
		expect(new Set(imports.map((match) => match[1]))).toEqual(
			new Set(['@libsql/client/web', 'drizzle-orm/libsql/web']),
		);
		expect(files.filter((file) => /libsql/.test(file) && file.endsWith('.node'))).toEqual([]);
	});
});

describe('a hosted database through TURSO_DATABASE_URL and TURSO_AUTH_TOKEN', () => {
	it('serves its posts, and an edit revalidated by tags', async () => {
		const blog = await read(site, '/blog');
		expect(blog.status).toBe(200);
		expect(blog.body).toContain('Hello, world');

		const stored = (await database.store.get('hello-world'))!;
		const change = await database.store.update(
			'hello-world',
			{ slug: 'hello-world', title: 'Hello from Turso', body: 'Over HTTP.', published: true },
			stored.updatedAt,
		);
		const response = await site.get('/api/revalidate', {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization: `Bearer ${SECRET}` },
			body: JSON.stringify({ tags: tagsForChange(change) }),
		});
		expect(response.status).toBe(200);
		expect((await read(site, '/blog')).body).toContain('Hello from Turso');
		expect((await read(site, '/blog/hello-world')).body).toContain('Over HTTP.');
	});

	it('answers an uncached 503 for a cold page while the database is down, and recovers', async () => {
		hosted.failing = true;
		// A post that is not prerendered at build: it has no fallback to serve meanwhile.
		const cold = await read(site, '/blog/not-written-yet');
		expect(cold).toMatchObject({ status: 503, cacheControl: 'no-store' });
		hosted.failing = false;
		expect(await read(site, '/blog/not-written-yet')).toMatchObject({ status: 404, cache: 'MISS' });
	});
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
	databaseFor,
	describeDatabase,
	LOCAL_DATABASE_URL,
	migrate,
} from '../../../scripts/lib/content-database.ts';
import { openContentStore } from '../../../src/store/open.ts';

describe('the database the content scripts and npm start use', () => {
	it('is the local .data/content.db when the environment names none', () => {
		expect(databaseFor({})).toEqual({ client: 'file', url: LOCAL_DATABASE_URL, local: true });
		expect(LOCAL_DATABASE_URL).toMatch(/^file:\/\/.*\/\.data\/content\.db$/);
	});

	it('is the one the environment names otherwise', () => {
		expect(
			databaseFor({ TURSO_DATABASE_URL: 'libsql://db.turso.io', TURSO_AUTH_TOKEN: 't' }),
		).toEqual({ client: 'http', url: 'libsql://db.turso.io', authToken: 't', local: false });
		expect(databaseFor({ CONTENT_DATABASE_URL: 'file:other.db' })).toMatchObject({
			client: 'file',
			url: 'file:other.db',
			local: false,
		});
	});

	it('is described without its token', () => {
		const described = describeDatabase({
			client: 'http',
			url: 'libsql://db.turso.io?authToken=secret',
			authToken: 'secret',
		});
		expect(described).toBe('libsql://db.turso.io');
	});

	it('is created in a missing folder, migrated and seeded once, and keeps what was saved', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'content-scripts-'));
		const config = {
			client: 'file' as const,
			url: pathToFileURL(join(dir, 'new', 'content.db')).href,
		};
		try {
			expect(await migrate(config, { seed: true })).toEqual({ fresh: true, seeded: 3 });
			const store = openContentStore({ kind: 'database', ...config });
			await store.create({ slug: 'kept', title: 'Kept', body: '', published: true });
			expect(await migrate(config, { seed: true })).toEqual({ fresh: false, seeded: 0 });
			expect((await store.listAll()).map((post) => post.slug)).toContain('kept');
			expect(await store.listAll()).toHaveLength(4);
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});
});

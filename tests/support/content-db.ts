/**
 * A fresh libSQL file per test: migrated and seeded exactly as `npm start` does on first run.
 * End-to-end tests hand `url` to the runtime as `CONTENT_DATABASE_URL`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openDatabase, type ContentDatabase } from '../../src/store/client.ts';
import { createDatabaseStore } from '../../src/store/database-store.ts';
import { migrateDatabase } from '../../src/store/migrate.ts';
import type { ContentStore } from '../../src/store/store.ts';

export interface TestDatabase {
	/** A `file:` URL, for `CONTENT_DATABASE_URL`. */
	readonly url: string;
	readonly path: string;
	/** A store on the same file, as the site opens it. */
	readonly store: ContentStore;
	/** Drizzle on the same file, for breaking and repairing it in failure tests. */
	readonly db: ContentDatabase;
	close(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
	const dir = await mkdtemp(join(tmpdir(), 'content-db-'));
	const path = join(dir, 'content.db');
	const url = pathToFileURL(path).href;
	const db = openDatabase({ client: 'file', url });
	await migrateDatabase(db, { seed: true });
	return {
		url,
		path,
		store: createDatabaseStore(db),
		db,
		async close() {
			db.$client.close();
			await rm(dir, { recursive: true, force: true });
		},
	};
}

/**
 * Applies the migrations in `drizzle/` and, on a database that had none, adds the seed posts.
 * Run by `npm run db:migrate`, `npm start` and the tests; never by a page or on a cold start.
 *
 * @see https://orm.drizzle.team/docs/migrations
 */
import { sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { fileURLToPath } from 'node:url';
import type { ContentDatabase } from './client.ts';
import { posts } from './schema.ts';
import { SEED_POSTS } from './seed-posts.ts';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));
const MIGRATIONS_TABLE = '__drizzle_migrations';

export interface MigrateResult {
	/** The database had never been migrated. */
	readonly fresh: boolean;
	readonly seeded: number;
}

export async function migrateDatabase(
	db: ContentDatabase,
	options: { readonly seed: boolean },
): Promise<MigrateResult> {
	const existing = await db.all(
		sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name = ${MIGRATIONS_TABLE}`,
	);
	const fresh = existing.length === 0;
	await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER, migrationsTable: MIGRATIONS_TABLE });
	if (!fresh || !options.seed) return { fresh, seeded: 0 };
	await db
		.insert(posts)
		.values([...SEED_POSTS])
		.onConflictDoNothing();
	return { fresh, seeded: SEED_POSTS.length };
}

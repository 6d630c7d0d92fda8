/**
 * `npm run db:migrate [-- --no-seed]`: applies the migrations in `drizzle/` to the database the
 * environment names (TURSO_DATABASE_URL, CONTENT_DATABASE_URL), else to the local
 * `.data/content.db`. A database migrated for the first time gets the three seed posts unless
 * `--no-seed` is given. Migrations only add; deployments never run them on a cold start.
 */
import { parseArgs } from 'node:util';
import { databaseFor, describeDatabase, migrate, readStoreEnv } from './lib/content-database.ts';

try {
	const { values } = parseArgs({ options: { 'no-seed': { type: 'boolean', default: false } } });
	const config = databaseFor(await readStoreEnv());
	const result = await migrate(config, { seed: !values['no-seed'] });
	console.info(
		`Migrated ${describeDatabase(config)}${result.fresh ? ' (new database)' : ''}${
			result.seeded > 0 ? `; added ${result.seeded} seed posts` : ''
		}.`,
	);
} catch (error) {
	console.error(error instanceof Error ? error.message : String(error));
	process.exitCode = 1;
}

/**
 * `npm run db:export [-- --out <file>]`: writes every post, drafts included, as JSON: a backup
 * of the database the environment names (as `npm run db:migrate` chooses it). Without `--out`,
 * the file is `.data/posts-<time>.json`; `--out -` prints to standard output.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDatabaseStore } from '../src/store/database-store.ts';
import {
	databaseFor,
	describeDatabase,
	openForScripts,
	PROJECT_ROOT,
	readStoreEnv,
} from './lib/content-database.ts';

try {
	const { values } = parseArgs({ options: { out: { type: 'string' } } });
	const config = databaseFor(await readStoreEnv());
	const db = await openForScripts(config);
	const posts = await createDatabaseStore(db)
		.listAll()
		.finally(() => db.$client.close());
	const exportedAt = new Date();
	const json = `${JSON.stringify({ exportedAt, database: describeDatabase(config), posts }, null, '\t')}\n`;
	if (values.out === '-') {
		process.stdout.write(json);
	} else {
		const out =
			values.out ??
			join(PROJECT_ROOT, '.data', `posts-${exportedAt.toISOString().replaceAll(':', '-')}.json`);
		await mkdir(dirname(out), { recursive: true });
		await writeFile(out, json);
		console.info(`Wrote ${posts.length} posts from ${describeDatabase(config)} to ${out}.`);
	}
} catch (error) {
	console.error(error instanceof Error ? error.message : String(error));
	process.exitCode = 1;
}

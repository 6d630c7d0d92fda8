/**
 * The database the content scripts and `npm start` work on: the one the environment names
 * (process env over the project's `.env` files, as the runtime reads them), else the local file
 * `.data/content.db`, git-ignored and outside the build output so rebuilds never touch it.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readProjectEnv } from '@astro-isr/vercel-runtime';
import { openDatabase, type ContentDatabase } from '../../src/store/client.ts';
import {
	CONTENT_DATABASE_URL_ENV,
	storeConfigFrom,
	type DatabaseConfig,
	type StoreEnv,
} from '../../src/store/config.ts';
import { migrateDatabase, type MigrateResult } from '../../src/store/migrate.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const LOCAL_DATABASE_PATH = join(PROJECT_ROOT, '.data', 'content.db');
export const LOCAL_DATABASE_URL = pathToFileURL(LOCAL_DATABASE_PATH).href;

export async function readStoreEnv(): Promise<StoreEnv> {
	return readProjectEnv(PROJECT_ROOT);
}

/** The database the environment names, or the local file when it names none. */
export function databaseFor(env: StoreEnv): DatabaseConfig & { readonly local: boolean } {
	const config = storeConfigFrom(env);
	if (config.kind === 'database') {
		const database: DatabaseConfig =
			config.client === 'http'
				? { client: 'http', url: config.url, authToken: config.authToken }
				: { client: 'file', url: config.url };
		return { ...database, local: false };
	}
	return { client: 'file', url: LOCAL_DATABASE_URL, local: true };
}

/** Opens `config`, creating the folder of a `file:` database first. */
export async function openForScripts(config: DatabaseConfig): Promise<ContentDatabase> {
	if (config.client === 'file') {
		await mkdir(dirname(fileURLToPath(new URL(config.url, pathToFileURL(`${PROJECT_ROOT}/`)))), {
			recursive: true,
		});
	}
	return openDatabase(config);
}

export async function migrate(
	config: DatabaseConfig,
	options: { readonly seed: boolean },
): Promise<MigrateResult> {
	const db = await openForScripts(config);
	try {
		return await migrateDatabase(db, options);
	} finally {
		db.$client.close();
	}
}

/** Where a database is, for messages: never its token. */
export function describeDatabase(config: DatabaseConfig): string {
	if (config.client === 'file') return config.url;
	const url = new URL(config.url);
	return `${url.protocol}//${url.host}`;
}

export { CONTENT_DATABASE_URL_ENV };

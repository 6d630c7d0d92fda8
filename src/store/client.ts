/**
 * Opens a libSQL database for drizzle.
 *
 * Hosted databases use `@libsql/client/web` (HTTP, plain JavaScript), so the deployed function
 * carries no native binary. A `file:` database needs the native client, which is loaded at run
 * time from the project's own `node_modules` (the working directory): the bundler and Vercel's
 * file tracing never see it, so it is not copied into `.vercel/output`. That is why file
 * databases work with `npm start` and the tests but not on Vercel, which needs Turso.
 *
 * @see https://github.com/tursodatabase/libsql-client-ts#supported-urls
 */
import type { Client, Config } from '@libsql/client';
import { createClient as createHttpClient } from '@libsql/client/web';
import type { LibSQLDatabase } from 'drizzle-orm/libsql/driver-core';
import { drizzle } from 'drizzle-orm/libsql/web';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { DatabaseConfig } from './config.ts';
import { StoreUnavailableError } from './errors.ts';
import * as schema from './schema.ts';

export type ContentDatabase = LibSQLDatabase<typeof schema> & { readonly $client: Client };

/**
 * How long a write to a `file:` database waits for another connection's write transaction
 * (the editor, a script, a test) before failing with SQLITE_BUSY.
 */
export const FILE_BUSY_TIMEOUT_MS = 5000;

// A variable, so neither Vite nor @vercel/nft follows it into the build output.
const NATIVE_CLIENT = '@libsql/client';

function createFileClient(config: Config): Client {
	const require = createRequire(join(process.cwd(), 'package.json'));
	let native: { createClient(config: Config): Client };
	try {
		native = require(NATIVE_CLIENT) as typeof native;
	} catch (error) {
		throw new Error(
			`A file: database needs ${NATIVE_CLIENT} installed where the server runs (run it from the project folder after npm install). Deployed functions use TURSO_DATABASE_URL instead.`,
			{ cause: error },
		);
	}
	try {
		return native.createClient(config);
	} catch (error) {
		// The file client opens the database at once; the HTTP client connects on the first query.
		throw new StoreUnavailableError(error);
	}
}

export function openDatabase(config: DatabaseConfig): ContentDatabase {
	const client =
		config.client === 'http'
			? createHttpClient({
					url: config.url,
					...(config.authToken ? { authToken: config.authToken } : {}),
				})
			: createFileClient({ url: config.url, timeout: FILE_BUSY_TIMEOUT_MS });
	return drizzle({ client, schema });
}

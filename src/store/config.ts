/**
 * Which store serves the posts, decided only from variables set on purpose. `VERCEL` is never
 * consulted: the local runtime sets it too.
 *
 * - `TURSO_DATABASE_URL` (+ `TURSO_AUTH_TOKEN`), the names Turso's Vercel Marketplace
 *   integration sets: the hosted database, over HTTP.
 * - `CONTENT_DATABASE_URL`, a `file:` URL: a local database (`npm start` sets
 *   `file:.data/content.db`).
 * - Neither: the seed posts bundled with the build, read-only.
 *
 * @see https://docs.turso.tech/sdk/ts/reference#initializing
 */
import { z } from 'zod';

export const TURSO_DATABASE_URL_ENV = 'TURSO_DATABASE_URL';
export const TURSO_AUTH_TOKEN_ENV = 'TURSO_AUTH_TOKEN';
export const CONTENT_DATABASE_URL_ENV = 'CONTENT_DATABASE_URL';

export interface StoreEnv {
	readonly TURSO_DATABASE_URL?: string | undefined;
	readonly TURSO_AUTH_TOKEN?: string | undefined;
	readonly CONTENT_DATABASE_URL?: string | undefined;
}

export type DatabaseConfig =
	| { readonly client: 'http'; readonly url: string; readonly authToken: string | undefined }
	| { readonly client: 'file'; readonly url: string };

export type StoreConfig =
	{ readonly kind: 'seed' } | ({ readonly kind: 'database' } & DatabaseConfig);

/** Thrown when the store variables are set but unusable; the message says which and how to fix it. */
export class StoreConfigError extends Error {
	override readonly name = 'StoreConfigError';
}

const optional = z
	.string()
	.trim()
	.transform((value) => (value === '' ? undefined : value))
	.optional();

const envSchema = z.object({
	TURSO_DATABASE_URL: optional.refine(
		(url) => url === undefined || /^(libsql|https?|wss?):\/\//.test(url),
		{
			message:
				'must be the database URL Turso gives you, such as libsql://<db>-<org>.turso.io (use CONTENT_DATABASE_URL for a file: database)',
		},
	),
	TURSO_AUTH_TOKEN: optional,
	CONTENT_DATABASE_URL: optional.refine((url) => url === undefined || url.startsWith('file:'), {
		message:
			'must be a file: URL such as file:.data/content.db (a hosted database uses TURSO_DATABASE_URL)',
	}),
});

export function storeConfigFrom(env: StoreEnv): StoreConfig {
	const parsed = envSchema.safeParse(env);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		throw new StoreConfigError(`${issue.path.join('.')} ${issue.message}.`);
	}
	const { TURSO_DATABASE_URL, TURSO_AUTH_TOKEN, CONTENT_DATABASE_URL } = parsed.data;
	if (TURSO_DATABASE_URL && CONTENT_DATABASE_URL) {
		throw new StoreConfigError(
			'Both TURSO_DATABASE_URL and CONTENT_DATABASE_URL are set; set only the one database the site should read.',
		);
	}
	if (TURSO_DATABASE_URL) {
		return {
			kind: 'database',
			client: 'http',
			url: TURSO_DATABASE_URL,
			authToken: TURSO_AUTH_TOKEN,
		};
	}
	if (CONTENT_DATABASE_URL) return { kind: 'database', client: 'file', url: CONTENT_DATABASE_URL };
	return { kind: 'seed' };
}

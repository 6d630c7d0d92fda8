import { describe, expect, it } from 'vitest';
import { StoreConfigError, storeConfigFrom } from '../../../src/store/config.ts';

describe('which store the environment selects', () => {
	it('serves the bundled seed posts when no database variable is set', () => {
		expect(storeConfigFrom({})).toEqual({ kind: 'seed' });
		expect(storeConfigFrom({ TURSO_DATABASE_URL: ' ', CONTENT_DATABASE_URL: '' })).toEqual({
			kind: 'seed',
		});
	});

	it('ignores VERCEL and every other variable', () => {
		const env = { VERCEL: '1', VERCEL_ENV: 'production' } as Record<string, string>;
		expect(storeConfigFrom(env)).toEqual({ kind: 'seed' });
	});

	it('uses the hosted database over HTTP with its token from the Turso variables', () => {
		expect(
			storeConfigFrom({
				TURSO_DATABASE_URL: 'libsql://blog-acme.turso.io',
				TURSO_AUTH_TOKEN: 'token',
			}),
		).toEqual({
			kind: 'database',
			client: 'http',
			url: 'libsql://blog-acme.turso.io',
			authToken: 'token',
		});
	});

	it('uses a local file from CONTENT_DATABASE_URL', () => {
		expect(storeConfigFrom({ CONTENT_DATABASE_URL: 'file:.data/content.db' })).toEqual({
			kind: 'database',
			client: 'file',
			url: 'file:.data/content.db',
		});
	});

	it.each([
		[{ TURSO_DATABASE_URL: 'file:local.db' }, /TURSO_DATABASE_URL .*CONTENT_DATABASE_URL/],
		[
			{ CONTENT_DATABASE_URL: 'libsql://blog-acme.turso.io' },
			/CONTENT_DATABASE_URL must be a file: URL/,
		],
		[
			{ TURSO_DATABASE_URL: 'libsql://blog-acme.turso.io', CONTENT_DATABASE_URL: 'file:a.db' },
			/set only the one database/,
		],
	])('refuses %j with a message that says what to fix', (env, message) => {
		expect(() => storeConfigFrom(env)).toThrow(StoreConfigError);
		expect(() => storeConfigFrom(env)).toThrow(message);
	});
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { functionEnv, readDotenvFiles } from '../env.ts';

describe('readDotenvFiles', () => {
	it('reads .env, .env.local, .env.production, .env.production.local, later files winning', async () => {
		const root = await mkdtemp(join(tmpdir(), 'runtime-env-'));
		await writeFile(join(root, '.env'), 'A=env\nB=env\nC=env\nD=env\n');
		await writeFile(join(root, '.env.local'), 'B=local\nC=local\n');
		await writeFile(join(root, '.env.production'), 'C=production\nD=production\n');
		await writeFile(join(root, '.env.production.local'), 'D="production local"\n');
		expect(await readDotenvFiles(root)).toEqual({
			A: 'env',
			B: 'local',
			C: 'production',
			D: 'production local',
		});
		await rm(root, { recursive: true });
	});

	it('skips files that do not exist', async () => {
		expect(await readDotenvFiles(join(tmpdir(), 'no-such-project'))).toEqual({});
	});
});

describe('functionEnv', () => {
	const base = { dotenv: {}, functions: {}, processEnv: {}, publicHost: 'localhost:4321' };

	it('adds file and function variables the shell did not set', () => {
		const env = functionEnv({
			...base,
			dotenv: { FROM_FILE: 'file', SHARED: 'file' },
			functions: { FROM_FUNCTION: 'function' },
			processEnv: { SHARED: 'shell' },
		});
		expect(env).toMatchObject({ FROM_FILE: 'file', FROM_FUNCTION: 'function' });
		expect(env).not.toHaveProperty('SHARED');
	});

	it('sets VERCEL and VERCEL_URL, and VERCEL_ENV=production unless the shell chose one', () => {
		expect(functionEnv({ ...base, dotenv: { VERCEL_ENV: 'development' } })).toMatchObject({
			VERCEL: '1',
			VERCEL_ENV: 'production',
			VERCEL_URL: 'localhost:4321',
		});
		expect(functionEnv({ ...base, processEnv: { VERCEL_ENV: 'preview' } }).VERCEL_ENV).toBe(
			'preview',
		);
	});
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { functionEnv, readDotenvFiles, readProjectEnv, SYSTEM_ENV } from '../env.ts';

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

describe('readProjectEnv', () => {
	it("gives the shell's variables over the .env files'", async () => {
		const root = await mkdtemp(join(tmpdir(), 'runtime-env-'));
		await writeFile(join(root, '.env'), 'FROM_FILE=file\nSHARED=file\n');
		expect(await readProjectEnv(root, { SHARED: 'shell', ONLY_SHELL: 'shell' })).toEqual({
			FROM_FILE: 'file',
			SHARED: 'shell',
			ONLY_SHELL: 'shell',
		});
		await rm(root, { recursive: true });
	});
});

describe('functionEnv', () => {
	it('sets exactly the system variables SYSTEM_ENV documents', () => {
		const env = functionEnv({ dotenv: {}, functions: {}, processEnv: {}, publicHost: 'h:1' });
		expect(Object.keys(env).sort()).toEqual(Object.keys(SYSTEM_ENV).sort());
	});

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

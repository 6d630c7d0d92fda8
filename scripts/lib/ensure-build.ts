/**
 * Builds the site when `.vercel/output` is missing, older than its sources, or was built with
 * other ISR settings than the environment now asks for. Shared by `npm start` and `npm run bench`.
 */
import { spawn } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { loadEnv } from 'vite';
import { BUILD_STAMP_PATH, buildStampOf, type BuildStamp } from '../../src/isr/build-stamp.ts';
import { resolveIsrConfig } from '../../src/isr/config.ts';
import { BUILD_INPUTS, reasonToBuild } from './build-freshness.ts';

/** Resolved like any import, so a copy of the project inside it finds the root's `node_modules`. */
const ASTRO_BIN = fileURLToPath(
	new URL('bin/astro.mjs', import.meta.resolve('astro/package.json')),
);

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const OUTPUT_DIR = `${PROJECT_ROOT}.vercel/output`;

async function mtime(path: string): Promise<number | null> {
	return stat(path).then(
		(info) => info.mtimeMs,
		() => null,
	);
}

/** Newest modification time below `path` (a file or a folder). */
async function newestMtime(path: string): Promise<number> {
	const own = (await mtime(path)) ?? 0;
	const entries = await readdir(path, { recursive: true, withFileTypes: true }).catch(() => []);
	let newest = own;
	for (const entry of entries) {
		if (!entry.isFile()) continue;
		newest = Math.max(newest, (await mtime(`${entry.parentPath}/${entry.name}`)) ?? 0);
	}
	return newest;
}

async function readStamp(): Promise<BuildStamp | null> {
	return readFile(`${PROJECT_ROOT}${BUILD_STAMP_PATH}`, 'utf8').then(
		(text) => JSON.parse(text) as BuildStamp,
		() => null,
	);
}

/** The ISR settings the current environment (process env over `.env` files) asks for. */
function wantedStamp(): BuildStamp {
	const env = { ...loadEnv('production', PROJECT_ROOT, ''), ...process.env };
	return buildStampOf(resolveIsrConfig(env, () => 'generated'));
}

function runBuild(): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [ASTRO_BIN, 'build'], {
			cwd: PROJECT_ROOT,
			stdio: 'inherit',
		});
		child.on('error', reject);
		child.on('exit', (code) =>
			code === 0 ? resolve() : reject(new Error(`astro build exited with ${code}`)),
		);
	});
}

/** Builds if needed; says why, or that the build on disk is current. */
export async function ensureBuild(log: (line: string) => void = console.info): Promise<void> {
	const inputs = await Promise.all(
		BUILD_INPUTS.map((input) => newestMtime(`${PROJECT_ROOT}${input}`)),
	);
	const reason = reasonToBuild({
		builtAt: await mtime(`${OUTPUT_DIR}/config.json`),
		newestInput: Math.max(...inputs),
		builtWith: await readStamp(),
		wanted: wantedStamp(),
	});
	if (reason === null) {
		log('Serving the existing build in .vercel/output (up to date).');
		return;
	}
	log(`Building the site: ${reason}.`);
	await runBuild();
}

/**
 * Builds the site in a copy of the project under `.cache/watch/`, never in the `.vercel/output`
 * being served: `@astrojs/vercel` empties its output folder when a build starts. The copy lives
 * inside the project, so `node_modules` resolves from the project root.
 */
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { cp, mkdir, open, readFile, rm } from 'node:fs/promises';
import { buildErrorExcerpt } from './build-errors.ts';
import { WATCHED_FILES } from './watch-sources.ts';

/** Resolved like any import, so a copy of the project inside it finds the root's `node_modules`. */
const ASTRO_BIN = fileURLToPath(
	new URL('bin/astro.mjs', import.meta.resolve('astro/package.json')),
);

const SITE_FILES = ['src', 'public', 'tsconfig.json', 'package.json', ...WATCHED_FILES];

export class BuildFailed extends Error {
	readonly excerpt: string;
	readonly logPath: string;
	constructor(excerpt: string, logPath: string) {
		super(`astro build failed (full log: ${logPath})\n${excerpt}`);
		this.excerpt = excerpt;
		this.logPath = logPath;
	}
}

/** Where build `n` is made and served from. */
export function buildRoot(projectRoot: string, n: number): string {
	return `${projectRoot}.cache/watch/build-${n}/`;
}

/**
 * Copies the project to `root` and builds it there, writing everything the build prints to
 * `logPath`. Resolves with the output folder; rejects with `BuildFailed`.
 */
export async function buildCopy(
	projectRoot: string,
	root: string,
	logPath: string,
): Promise<string> {
	await rm(root, { recursive: true, force: true });
	await mkdir(root, { recursive: true });
	for (const file of SITE_FILES) {
		await cp(`${projectRoot}${file}`, `${root}${file}`, { recursive: true }).catch(
			(error: NodeJS.ErrnoException) => {
				if (error.code !== 'ENOENT') throw error;
			},
		);
	}
	const log = await open(logPath, 'w');
	try {
		const code = await new Promise<number | null>((resolve, reject) => {
			const child = spawn(process.execPath, [ASTRO_BIN, 'build', '--root', root], {
				cwd: root,
				env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
				stdio: ['ignore', log.fd, log.fd],
			});
			child.on('error', reject);
			child.on('exit', resolve);
		});
		if (code !== 0)
			throw new BuildFailed(buildErrorExcerpt(await readFile(logPath, 'utf8')), logPath);
	} finally {
		await log.close();
	}
	return `${root}.vercel/output`;
}

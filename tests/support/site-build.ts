/**
 * The one real `astro build` of a test run, made in a copy of the site under `.cache/` so a
 * developer's own `.vercel/output` (and `.env`) are left alone. `node_modules` resolves from the
 * project root because the copy lives inside it.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** One folder per test run, so parallel runs never build into each other's output. */
export function testSiteRoot(runId: string | number): string {
	return `${PROJECT_ROOT}.cache/test-site-${runId}/`;
}

const SITE_FILES = ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

export interface SiteBuild {
	readonly root: string;
	readonly outputDir: string;
	readonly expiration: number;
	readonly bypassToken: string;
	/** Seconds before the public Revalidate button may replace a render. */
	readonly cooldown: number;
	/** Everything the build printed. */
	readonly log: string;
}

/** Copies the site to `root` and builds it there with `env`; returns what the build printed. */
export async function buildTestSite(
	root: string,
	env: Readonly<Record<string, string>>,
): Promise<string> {
	await rm(root, { recursive: true, force: true });
	await mkdir(root, { recursive: true });
	for (const file of SITE_FILES) {
		await cp(`${PROJECT_ROOT}${file}`, `${root}${file}`, { recursive: true });
	}
	const astro = `${PROJECT_ROOT}node_modules/astro/bin/astro.mjs`;
	const { stdout, stderr } = await promisify(execFile)(
		process.execPath,
		[astro, 'build', '--root', root],
		{
			cwd: root,
			env: { ...cleanEnv(process.env), ...env, ASTRO_TELEMETRY_DISABLED: '1' },
			maxBuffer: 16 * 1024 * 1024,
		},
	);
	return stdout + stderr;
}

/** The parent's ISR and revalidation settings must not leak into the test build. */
function cleanEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	const copy = { ...env };
	for (const key of Object.keys(copy)) {
		if (/^(ISR_|REVALIDATE_|VERCEL)/.test(key)) delete copy[key];
	}
	return copy;
}

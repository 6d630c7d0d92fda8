/**
 * A runnable copy of the project inside it, for measuring and testing `npm start` as a person
 * runs it: the copy lives under the project, so `node_modules` resolves from the root.
 */
import { cp, mkdir, rm } from 'node:fs/promises';

/** What `npm start` needs besides `node_modules`. */
const PROJECT_FILES = [
	'src',
	'public',
	'scripts',
	'drizzle',
	'astro.config.mjs',
	'tsconfig.json',
	'package.json',
];

/** Replaces `root` with a fresh copy of the project at `projectRoot` (both end in `/`). */
export async function copyProject(projectRoot: string, root: string): Promise<void> {
	await rm(root, { recursive: true, force: true });
	await mkdir(root, { recursive: true });
	for (const file of PROJECT_FILES) {
		await cp(`${projectRoot}${file}`, `${root}${file}`, { recursive: true });
	}
}

/** The environment for the copy: none of the developer's settings, store or port reach it. */
export function copyEnv(): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
	for (const key of Object.keys(env)) {
		if (/^(ISR_|REVALIDATE_|VERCEL|CONTENT_|TURSO_|ADMIN_SECRET|PORT$|HOST$)/.test(key)) {
			delete env[key];
		}
	}
	return env;
}

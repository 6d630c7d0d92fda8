import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { buildTestSite, testSiteRoot, type SiteBuild } from './site-build.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		siteBuild: SiteBuild;
	}
}

/** Builds the site once per run with a known expiration and token, for every project that needs it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	const root = testSiteRoot(process.pid);
	const expiration = 60;
	const bypassToken = randomBytes(32).toString('base64url');
	const cooldown = 3;
	const log = await buildTestSite(root, {
		ISR_EXPIRATION: String(expiration),
		ISR_BYPASS_TOKEN: bypassToken,
		REVALIDATE_COOLDOWN_SECONDS: String(cooldown),
	});
	project.provide('siteBuild', {
		root,
		outputDir: `${root}.vercel/output`,
		expiration,
		bypassToken,
		cooldown,
		log,
	});
	return () => rm(root, { recursive: true, force: true });
}

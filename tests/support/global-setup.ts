import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { buildTestSite, TEST_OUTPUT_DIR, TEST_SITE_ROOT, type SiteBuild } from './site-build.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		siteBuild: SiteBuild;
	}
}

/** Builds the site once per run with a known expiration and token, for every project that needs it. */
export default async function setup(project: TestProject): Promise<void> {
	const expiration = 60;
	const bypassToken = randomBytes(32).toString('base64url');
	const log = await buildTestSite({
		ISR_EXPIRATION: String(expiration),
		ISR_BYPASS_TOKEN: bypassToken,
	});
	project.provide('siteBuild', {
		root: TEST_SITE_ROOT,
		outputDir: TEST_OUTPUT_DIR,
		expiration,
		bypassToken,
		log,
	});
}

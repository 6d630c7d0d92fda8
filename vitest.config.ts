import { getViteConfig } from 'astro/config';
import { defineConfig } from 'vitest/config';

/**
 * Four projects: the site's tests run through Astro's Vite config (virtual modules, `astro:*`
 * imports, the Container API); the runtime package's tests (runtime/test) are plain Node; the end-to-end tests drive the
 * real build through the runtime; the platform suite speaks only HTTP, to the runtime or, with
 * `BASE_URL` set, to a deployment (then it is the only project, and nothing is built).
 */
// Read here, in the main process: test workers see Vite's `BASE_URL` (`/`) in `process.env`.
const baseUrl = process.env.BASE_URL ?? '';
const remote = baseUrl !== '';

const platform = {
	test: {
		name: 'platform',
		include: ['tests/platform/**/*.test.ts'],
		testTimeout: 60_000,
		hookTimeout: 120_000,
		provide: { platformBaseUrl: baseUrl },
	},
};

export default defineConfig({
	test: remote
		? { projects: [platform] }
		: {
				// One real `astro build` per test run, shared by the site, end-to-end and platform tests.
				globalSetup: ['tests/support/global-setup.ts'],
				projects: [
					getViteConfig({
						test: {
							name: 'site',
							include: ['tests/site/**/*.test.ts'],
						},
					}),
					// The runtime package's own project (no build needed); `npm test -w runtime` runs it alone.
					'runtime/vitest.config.ts',
					{
						test: {
							name: 'e2e',
							include: ['tests/e2e/**/*.test.ts'],
							testTimeout: 60_000,
							hookTimeout: 120_000,
							// A page's script answers within milliseconds, but Chromium on two busy cores can take
							// seconds: poll long enough that only a real failure fails.
							expect: { poll: { timeout: 10_000 } },
						},
					},
					platform,
				],
			},
});

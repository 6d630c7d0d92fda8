import { getViteConfig } from 'astro/config';
import { defineConfig } from 'vitest/config';

/**
 * Two projects: the site's tests run through Astro's Vite config (virtual modules, `astro:*`
 * imports, the Container API); the runtime's tests are plain Node and do not need it.
 */
export default defineConfig({
	test: {
		// One real `astro build` per test run, shared by the site and end-to-end tests.
		globalSetup: ['tests/support/global-setup.ts'],
		projects: [
			getViteConfig({
				test: {
					name: 'site',
					include: ['tests/site/**/*.test.ts'],
				},
			}),
			{
				test: {
					name: 'runtime',
					include: ['tests/runtime/**/*.test.ts'],
				},
			},
			{
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000,
				},
			},
		],
	},
});

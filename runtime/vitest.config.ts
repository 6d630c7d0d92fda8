import { defineConfig } from 'vitest/config';

/** The runtime's own tests: plain Node over hand-written output folders, no site build. */
export default defineConfig({
	test: {
		name: 'runtime',
		root: import.meta.dirname,
		include: ['test/**/*.test.ts'],
	},
});

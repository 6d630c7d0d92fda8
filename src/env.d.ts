declare module 'virtual:isr-config' {
	import type { IsrConfig } from './isr/config.ts';
	import type { QueryRoute } from './revalidate/paths.ts';

	const config: IsrConfig;
	export default config;
	/** Patterns of the on-demand routes served by the ISR function (not excluded, not internal). */
	export const isrRoutes: readonly RegExp[];
	/** Paths rendered at build and deployed as fallbacks (empty in `astro dev`). */
	export const prerenderedPaths: readonly string[];
	/** The ISR routes whose rule allows query parameters (src/revalidate/paths.ts). */
	export const isrQueryRoutes: readonly QueryRoute[];
}

declare namespace App {
	interface Locals {
		/** When this response was rendered; the one clock every page and header reads. */
		generatedAt: Date;
	}
}

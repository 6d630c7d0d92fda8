declare module 'virtual:isr-config' {
	import type { IsrConfig } from './isr/config.ts';

	const config: IsrConfig;
	export default config;
	/** Patterns of the on-demand routes served by the ISR function (not excluded, not internal). */
	export const isrRoutes: readonly RegExp[];
}

declare namespace App {
	interface Locals {
		/** When this response was rendered; the one clock every page and header reads. */
		generatedAt: Date;
	}
}

import { fileURLToPath } from 'node:url';

/** Absolute path of a hand-written output folder under runtime/test/fixtures/. */
export function fixture(
	name: 'prerender' | 'routes' | 'functions' | 'sveltekit' | 'nitro' | 'compression',
): string {
	return fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
}

/** Reading a Build Output API v3 folder (`@astro-isr/vercel-runtime/output`). */
export { readOutputDir } from './read-output-dir.ts';
export type { FilesystemEntry, Output } from './types.ts';

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export async function readJson<T = unknown>(path: string): Promise<T> {
	return JSON.parse(await readFile(path, 'utf8')) as T;
}

/** Every file below `dir`, recursively. */
export async function listFiles(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { withFileTypes: true, recursive: true });
	return entries
		.filter((entry) => entry.isFile())
		.map((entry) => join(entry.parentPath, entry.name));
}

interface WebHandler {
	fetch(request: Request): Promise<Response>;
}

/** Imports a built function the way Vercel's Node launcher does: the `handler` of its `.vc-config.json`. */
export async function importFunction(outputDir: string, name: string): Promise<WebHandler> {
	const funcDir = join(outputDir, 'functions', `${name}.func`);
	const { handler } = await readJson<{ handler: string }>(join(funcDir, '.vc-config.json'));
	const module = (await import(pathToFileURL(join(funcDir, handler)).href)) as {
		default: WebHandler;
	};
	return module.default;
}

export interface RouteEntry {
	src?: string;
	dest?: string;
	handle?: string;
	status?: number;
	headers?: Record<string, string>;
	continue?: boolean;
}

/** The per-build path token `@astrojs/vercel` puts in every ISR rewrite. */
export function isrPathToken(routes: readonly RouteEntry[]): string {
	const dest = routes.find((route) => route.dest?.startsWith('/_isr?'))?.dest;
	const token = dest && new URL(dest, 'https://x').searchParams.get('x_astro_path_token');
	if (!token) throw new Error('no ISR rewrite in config.json');
	return token;
}

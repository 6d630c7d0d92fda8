/**
 * Renders pages at build by invoking the built ISR function in-process: its `.vc-config.json`
 * handler is imported and its default export's `fetch` called, as the Node launcher does, so a
 * fallback's bytes are a real render of the deployed code.
 *
 * @see https://vercel.com/docs/build-output-api/primitives#serverless-function-configuration
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The origin of build renders; no page of the site reads the request's host. */
export const BUILD_RENDER_ORIGIN = 'https://prerender.invalid';

export type Render = (path: string) => Promise<Response>;

export async function loadBuiltFunction(funcDir: string): Promise<Render> {
	const { handler } = JSON.parse(await readFile(join(funcDir, '.vc-config.json'), 'utf8')) as {
		handler: string;
	};
	const entry = (await import(pathToFileURL(join(funcDir, handler)).href)) as {
		default: { fetch(request: Request): Promise<Response> };
	};
	return (path) =>
		entry.default.fetch(
			new Request(new URL(path, BUILD_RENDER_ORIGIN), {
				headers: { 'user-agent': 'astro-build-prerender', accept: '*/*' },
			}),
		);
}

/** The fallback file's extension, from the render's content type. */
export function fallbackExtension(contentType: string | null): string {
	if (contentType?.startsWith('application/json')) return 'json';
	if (contentType?.startsWith('text/plain')) return 'txt';
	return 'html';
}

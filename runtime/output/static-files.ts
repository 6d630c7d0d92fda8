/**
 * Reads `static/` (following symlinks) and applies `config.json` `overrides`, which rename a file's
 * URL path and/or set its content type.
 *
 * @see https://vercel.com/docs/build-output-api/primitives#static-files
 * @see https://vercel.com/docs/build-output-api/configuration#overrides
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from './config-schema.ts';
import { contentTypeFor } from './content-type.ts';
import type { StaticFile } from './types.ts';

async function walk(root: string, relative: string, names: string[]): Promise<void> {
	const entries = await readdir(join(root, relative), { withFileTypes: true });
	for (const entry of entries) {
		const name = relative === '' ? entry.name : `${relative}/${entry.name}`;
		const isDirectory =
			entry.isDirectory() ||
			(entry.isSymbolicLink() && (await stat(join(root, name))).isDirectory());
		if (isDirectory) await walk(root, name, names);
		else names.push(name);
	}
}

export interface StaticFiles {
	/** Output name (`blog/one.html`, or its override path) → file. */
	readonly files: Map<string, StaticFile>;
	readonly warnings: string[];
}

export async function readStaticDir(
	staticDir: string,
	overrides: Config['overrides'],
): Promise<StaticFiles> {
	const names: string[] = [];
	try {
		await walk(staticDir, '', names);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
	}
	const files = new Map<string, StaticFile>(
		names.map((name) => [
			name,
			{ kind: 'static', fsPath: join(staticDir, name), contentType: contentTypeFor(name) },
		]),
	);
	const warnings: string[] = [];
	for (const [name, override] of Object.entries(overrides ?? {})) {
		const file = files.get(name);
		if (file === undefined) {
			warnings.push(`config.json overrides "${name}", which is not a file in static/`);
			continue;
		}
		const overridden = { ...file, contentType: override.contentType ?? file.contentType };
		// The file moves to its new path: it is no longer served at the old one.
		files.delete(name);
		files.set(override.path ?? name, overridden);
	}
	return { files, warnings };
}

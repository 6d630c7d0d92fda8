/**
 * Loads a Build Output API v3 folder: `config.json`, `static/` and `functions/`, each file
 * validated, so a broken build fails at start with a message naming the file. Other folders
 * (Astro leaves `_functions/` and `server/`) are ignored, as Vercel ignores them.
 *
 * @see https://vercel.com/docs/build-output-api
 */
import { stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { ConfigSchema } from './config-schema.ts';
import { readFunctionsDir } from './functions-dir.ts';
import { readJsonFile } from './read-json.ts';
import { readStaticDir } from './static-files.ts';
import { isSupportedRuntime } from './vc-config-schema.ts';
import type { FilesystemEntry, Output } from './types.ts';
import { outputWarnings } from './warnings.ts';

/** `blog/index.html` → `/blog`, `index` → `/`; undefined for names that are not an index. */
function indexAlias(name: string, indexName: string): string | undefined {
	if (name === indexName) return '/';
	return name.endsWith(`/${indexName}`) ? `/${name.slice(0, -indexName.length - 1)}` : undefined;
}

function displayPathOf(dir: string): string {
	const path = relative(process.cwd(), dir);
	return path === '' ? '.' : path.startsWith('..') ? dir : path;
}

export async function readOutputDir(dir: string): Promise<Output> {
	const absolute = resolve(dir);
	const displayDir = displayPathOf(absolute);
	try {
		await stat(join(absolute, 'config.json'));
	} catch {
		const exists = await stat(absolute).then(
			() => true,
			() => false,
		);
		throw new Error(
			exists
				? `Missing ${displayDir}/config.json: this is not a Build Output API folder. Run \`npm run build\` to write one.`
				: `No build output at ${displayDir}. Run \`npm run build\` first; it writes .vercel/output.`,
		);
	}
	const config = await readJsonFile(
		join(absolute, 'config.json'),
		ConfigSchema,
		`${displayDir}/config.json`,
	);
	const routes = config.routes ?? [];
	const statics = await readStaticDir(join(absolute, 'static'), config.overrides);
	const { functions, prerenders } = await readFunctionsDir(
		join(absolute, 'functions'),
		`${displayDir}/functions`,
	);

	const files = new Map<string, FilesystemEntry>();
	const aliases = new Map<string, FilesystemEntry>();
	for (const entry of [...functions, ...prerenders]) {
		files.set(entry.outputPath, entry);
		const alias = indexAlias(entry.outputPath.slice(1), 'index');
		if (alias !== undefined) aliases.set(alias, entry);
	}
	for (const [name, file] of statics.files) {
		files.set(`/${name}`, file);
		const alias = indexAlias(name, 'index.html');
		if (alias !== undefined) {
			aliases.set(alias, file);
			if (alias !== '/') aliases.set(`${alias}/`, file);
		}
	}
	for (const [path, entry] of aliases) if (!files.has(path)) files.set(path, entry);

	const unsupported = functions
		.filter((fn) => !isSupportedRuntime(fn.config))
		.map(
			(fn) =>
				`functions${fn.outputPath}.func uses runtime "${fn.config.runtime}", which the local runtime cannot run; requests to it answer 500`,
		);
	return {
		dir: absolute,
		displayDir,
		routes,
		files,
		functions,
		prerenders,
		staticFileCount: statics.files.size,
		warnings: [...statics.warnings, ...outputWarnings(config, routes, prerenders), ...unsupported],
	};
}

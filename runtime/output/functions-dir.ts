/**
 * Reads `functions/`: every `<path>.func` folder (nested, or a symlink to another `.func`) with its
 * `.vc-config.json`, and every `<path>.prerender-config.json` with its fallback file.
 *
 * @see https://vercel.com/docs/build-output-api/primitives#serverless-functions
 * @see https://vercel.com/docs/build-output-api/primitives#prerender-functions
 * @see https://github.com/vercel/vercel/blob/main/packages/build-utils/src/deserialize/deserialize-build-output.ts
 */
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { contentTypeFor } from './content-type.ts';
import { PrerenderConfigSchema, type PrerenderConfig } from './prerender-config.ts';
import { readJsonFile } from './read-json.ts';
import type { FunctionOutput, PrerenderFunction } from './types.ts';
import { VcConfigSchema } from './vc-config-schema.ts';

const FUNC_SUFFIX = '.func';
const PRERENDER_CONFIG_SUFFIX = '.prerender-config.json';

interface Found {
	/** Output names relative to functions/, posix, without suffix: `blog/post`. */
	readonly functions: string[];
	readonly prerenderConfigs: string[];
}

async function isDirectory(path: string): Promise<boolean> {
	return (await stat(path)).isDirectory();
}

async function walk(root: string, relative: string, found: Found): Promise<void> {
	const entries = await readdir(join(root, relative), { withFileTypes: true });
	for (const entry of entries) {
		const name = relative === '' ? entry.name : `${relative}/${entry.name}`;
		const followsToDirectory =
			entry.isDirectory() || (entry.isSymbolicLink() && (await isDirectory(join(root, name))));
		if (entry.name.endsWith(FUNC_SUFFIX) && followsToDirectory) {
			found.functions.push(name.slice(0, -FUNC_SUFFIX.length));
		} else if (followsToDirectory) {
			await walk(root, name, found);
		} else if (entry.name.endsWith(PRERENDER_CONFIG_SUFFIX)) {
			found.prerenderConfigs.push(name.slice(0, -PRERENDER_CONFIG_SUFFIX.length));
		}
	}
}

async function readFunction(
	functionsDir: string,
	displayDir: string,
	name: string,
): Promise<FunctionOutput> {
	const dir = await realpath(join(functionsDir, `${name}${FUNC_SUFFIX}`));
	const configFile = join(dir, '.vc-config.json');
	const display = `${displayDir}/${name}${FUNC_SUFFIX}/.vc-config.json`;
	try {
		await stat(configFile);
	} catch {
		throw new Error(
			`Missing ${display}: every .func folder needs one (https://vercel.com/docs/build-output-api/primitives#serverless-function-configuration)`,
		);
	}
	const config = await readJsonFile(configFile, VcConfigSchema, display);
	return { kind: 'function', outputPath: `/${name}`, dir, config };
}

async function readFallback(
	configFile: string,
	config: PrerenderConfig,
	display: string,
): Promise<PrerenderFunction['prerender']['fallback']> {
	if (config.fallback === undefined) return undefined;
	// A string is a file name; `vercel build` writes a FileFsRef. Both are relative to the config.
	const reference =
		typeof config.fallback === 'string' ? { fsPath: config.fallback } : config.fallback;
	const file = join(dirname(configFile), reference.fsPath);
	try {
		const body = new Uint8Array(await readFile(file));
		const contentType =
			('contentType' in reference ? reference.contentType : undefined) ?? contentTypeFor(file);
		return { body, contentType };
	} catch {
		throw new Error(
			`Invalid ${display}: fallback "${reference.fsPath}" does not exist next to the config`,
		);
	}
}

export interface FunctionsDir {
	readonly functions: FunctionOutput[];
	readonly prerenders: PrerenderFunction[];
}

/** Reads `functions/` under the output folder; an absent folder has no functions. */
export async function readFunctionsDir(
	functionsDir: string,
	displayDir: string,
): Promise<FunctionsDir> {
	const found: Found = { functions: [], prerenderConfigs: [] };
	try {
		await walk(functionsDir, '', found);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT')
			return { functions: [], prerenders: [] };
		throw error;
	}
	found.functions.sort();
	const functions = await Promise.all(
		found.functions.map((name) => readFunction(functionsDir, displayDir, name)),
	);
	const byName = new Map(found.functions.map((name, index) => [name, functions[index]]));
	const prerenders = await Promise.all(
		found.prerenderConfigs.sort().map(async (name): Promise<PrerenderFunction> => {
			const configFile = join(functionsDir, `${name}${PRERENDER_CONFIG_SUFFIX}`);
			const display = `${displayDir}/${name}${PRERENDER_CONFIG_SUFFIX}`;
			const fn = byName.get(name);
			if (fn === undefined) {
				throw new Error(`Invalid ${display}: there is no ${name}${FUNC_SUFFIX} folder next to it`);
			}
			const config = await readJsonFile(configFile, PrerenderConfigSchema, display);
			const fallback = await readFallback(configFile, config, display);
			const prerender = { outputPath: fn.outputPath, config, ...(fallback && { fallback }) };
			return { kind: 'prerender', outputPath: fn.outputPath, function: fn, prerender };
		}),
	);
	return { functions, prerenders };
}

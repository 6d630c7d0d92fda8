/**
 * Writes what the route rules add to `.vercel/output/functions` (decided in ./rule-output.ts),
 * after `@astrojs/vercel` wrote `_isr.func`. Fails the build, naming the rule, when a prerendered
 * path does not match its route or does not render a 200.
 */
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { fallbackExtension, loadBuiltFunction, type Render } from './build-render.ts';
import type { KnownRoute, RouteRule } from './route-rules.ts';
import { checkPrerenderPaths } from './route-rules.ts';
import {
	ASTRO_ISR_FUNCTION,
	initialHeadersOf,
	pathPrerenderConfig,
	prerenderedOutputName,
	ruleFunctionName,
	rulePrerenderConfig,
	type SiteIsr,
} from './rule-output.ts';

export interface EmittedRule {
	readonly pattern: string;
	readonly functionName: string;
	/** Paths rendered at build, in order. */
	readonly prerendered: readonly string[];
}

async function linkFunction(functionsDir: string, name: string): Promise<void> {
	const link = join(functionsDir, `${name}.func`);
	await mkdir(dirname(link), { recursive: true });
	await rm(link, { recursive: true, force: true });
	await symlink(relative(dirname(link), join(functionsDir, `${ASTRO_ISR_FUNCTION}.func`)), link);
}

async function writeJson(file: string, value: unknown): Promise<void> {
	await writeFile(file, `${JSON.stringify(value, null, '\t')}\n`);
}

/** Each rule's paths to render at build (calls a rule's function once), checked against its route. */
export async function resolvePrerenderPaths(
	rules: Readonly<Record<string, RouteRule>>,
	routes: readonly KnownRoute[],
): Promise<Record<string, readonly string[]>> {
	const resolved: Record<string, readonly string[]> = {};
	const problems: string[] = [];
	for (const [pattern, rule] of Object.entries(rules)) {
		const paths =
			rule.prerender === undefined
				? []
				: typeof rule.prerender === 'function'
					? await rule.prerender()
					: rule.prerender;
		const route = routes.find((known) => known.pattern === pattern);
		if (route) problems.push(...checkPrerenderPaths(pattern, route.patternRegex, paths));
		resolved[pattern] = [...new Set(paths)];
	}
	if (problems.length > 0) throw new Error(`Invalid route rules:\n- ${problems.join('\n- ')}`);
	return resolved;
}

async function emitPrerenderedPath(
	functionsDir: string,
	pattern: string,
	rule: RouteRule,
	site: SiteIsr,
	path: string,
	render: Render,
): Promise<void> {
	const response = await render(path);
	const body = new Uint8Array(await response.arrayBuffer());
	if (response.status !== 200) {
		throw new Error(
			`route rule ${JSON.stringify(pattern)}: prerendered path ${JSON.stringify(path)} rendered ${response.status}, not 200; list only pages that exist at build.`,
		);
	}
	const name = prerenderedOutputName(path);
	const fallback = `${basename(name)}.prerender-fallback.${fallbackExtension(response.headers.get('content-type'))}`;
	await linkFunction(functionsDir, name);
	await writeFile(join(functionsDir, dirname(name), fallback), body);
	await writeJson(
		join(functionsDir, `${name}.prerender-config.json`),
		pathPrerenderConfig(rule, site, fallback, {
			status: response.status,
			headers: initialHeadersOf(response.headers),
		}),
	);
}

/** Writes every rule's function and prerendered paths; returns what was written, per rule. */
export async function emitRuleOutputs(
	outputDir: string,
	rules: Readonly<Record<string, RouteRule>>,
	prerenderPaths: Readonly<Record<string, readonly string[]>>,
	site: SiteIsr,
): Promise<EmittedRule[]> {
	const functionsDir = join(outputDir, 'functions');
	let render: Render | undefined;
	const emitted: EmittedRule[] = [];
	for (const [pattern, rule] of Object.entries(rules)) {
		const functionName = ruleFunctionName(pattern);
		await linkFunction(functionsDir, functionName);
		await writeJson(
			join(functionsDir, `${functionName}.prerender-config.json`),
			rulePrerenderConfig(rule, site),
		);
		const paths = prerenderPaths[pattern] ?? [];
		for (const path of paths) {
			render ??= await loadBuiltFunction(join(functionsDir, `${ASTRO_ISR_FUNCTION}.func`));
			await emitPrerenderedPath(functionsDir, pattern, rule, site, path, render);
		}
		emitted.push({ pattern, functionName, prerendered: [...paths] });
	}
	return emitted;
}

/**
 * What each route rule adds to `.vercel/output`, decided purely: a prerender function per rule
 * (a `.func` symlinked to `_isr.func`, as SvelteKit's adapter writes one per ISR route) with its
 * own `.prerender-config.json`, and a prerender output per path rendered at build, whose
 * `fallback` is served as `PRERENDER` until the first regeneration replaces it.
 *
 * @see https://vercel.com/docs/build-output-api/primitives#prerender-configuration-file
 * @see https://github.com/sveltejs/kit/blob/main/packages/adapter-vercel/index.js (symlinked `.func` per route)
 * @see node_modules/@vercel/build-utils/dist/prerender.js (the fields Vercel accepts)
 */
import { ASTRO_PATH_PARAM, ASTRO_PATH_TOKEN_PARAM } from '@astrojs/vercel';
import type { RouteRule } from './route-rules.ts';

/** The function `@astrojs/vercel` writes; every rule's function is a symlink to it. */
export const ASTRO_ISR_FUNCTION = '_isr';

export interface PrerenderConfigFile {
	readonly expiration: number | false;
	readonly bypassToken: string;
	readonly allowQuery: readonly string[];
	readonly passQuery: true;
	readonly group?: number;
	readonly fallback?: { readonly type: 'FileFsRef'; readonly fsPath: string };
	readonly initialHeaders?: Readonly<Record<string, string>>;
	readonly initialStatus?: number;
}

export interface SiteIsr {
	readonly expiration: number | false;
	readonly bypassToken: string;
}

/** `/blog/[slug]` → `_isr-blog-slug`, `/` → `_isr-index`: a name Vercel and a file system accept. */
export function ruleFunctionName(pattern: string): string {
	const words = pattern
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
	return `${ASTRO_ISR_FUNCTION}-${words === '' ? 'index' : words}`;
}

/** The expiration a rule's outputs get: its own, else the site-wide one. */
export function ruleExpiration(rule: RouteRule, site: SiteIsr): number | false {
	return rule.expiration ?? site.expiration;
}

/**
 * A rule's function: Astro's path parameters (its routes carry the page path in them) plus the
 * rule's own query names, all passed to the render.
 */
export function rulePrerenderConfig(rule: RouteRule, site: SiteIsr): PrerenderConfigFile {
	return {
		expiration: ruleExpiration(rule, site),
		bypassToken: site.bypassToken,
		allowQuery: [ASTRO_PATH_PARAM, ASTRO_PATH_TOKEN_PARAM, ...rule.allowQuery],
		passQuery: true,
		...(rule.group === undefined ? {} : { group: rule.group }),
	};
}

/** Where a path rendered at build lives under `functions/`: `/blog/hello` → `blog/hello`. */
export function prerenderedOutputName(path: string): string {
	return path === '/' ? 'index' : path.slice(1);
}

export interface RenderedPage {
	readonly status: number;
	readonly headers: Readonly<Record<string, string>>;
}

/**
 * A path rendered at build: addressed by its own path (found in the filesystem phase, before any
 * route), so it needs no path parameter; the rule's own query names still key it.
 */
export function pathPrerenderConfig(
	rule: RouteRule,
	site: SiteIsr,
	fallbackFile: string,
	rendered: RenderedPage,
): PrerenderConfigFile {
	return {
		expiration: ruleExpiration(rule, site),
		bypassToken: site.bypassToken,
		allowQuery: [...rule.allowQuery],
		passQuery: true,
		...(rule.group === undefined ? {} : { group: rule.group }),
		fallback: { type: 'FileFsRef', fsPath: fallbackFile },
		initialHeaders: rendered.headers,
		initialStatus: rendered.status,
	};
}

/** Headers of a build render that describe the connection, not the page: never replayed. */
const HOP_HEADERS = new Set([
	'connection',
	'content-length',
	'date',
	'keep-alive',
	'transfer-encoding',
]);

/** The headers a fallback is served with: the render's own, less hop-by-hop ones and cookies. */
export function initialHeadersOf(headers: Headers): Record<string, string> {
	const kept: Record<string, string> = {};
	for (const [name, value] of headers) {
		if (!HOP_HEADERS.has(name) && name !== 'set-cookie') kept[name] = value;
	}
	return kept;
}

/**
 * Parses the body of a revalidation request into the exact ISR cache keys to regenerate.
 *
 * A path is sent verbatim to the site with the bypass token, so it must name one page of this
 * site and nothing else: a single leading `/`, no host, no dot segments (plain or encoded), no
 * control characters, written exactly as it appears in a URL. `/isr` and `/isr/` are different
 * ISR keys, and with `trailingSlash: 'never'` only `/isr` exists.
 *
 * @see https://vercel.com/docs/build-output-api/features#on-demand-incremental-static-regeneration-isr
 */
import { isExcludedRoute } from '../isr/cache-policy.ts';
import type { IsrConfig } from '../isr/config.ts';
import { RevalidateError } from './errors.ts';
import { MAX_TAGS, pathsForTags, tagGrammarError } from './tags.ts';

export const MAX_PATHS = 50;
export const MAX_PATH_LENGTH = 1024;

/** A route whose rule allows query parameters (`virtual:isr-config` `isrQueryRoutes`). */
export interface QueryRoute {
	readonly route: RegExp;
	readonly allowQuery: readonly string[];
	/** The regex each allowed parameter's value must match. */
	readonly queryValues: Readonly<Record<string, string>>;
}

export interface RouteRules {
	/** Patterns of the on-demand routes the ISR function caches (`virtual:isr-config`). */
	readonly isrRoutes: readonly RegExp[];
	readonly exclude: IsrConfig['exclude'];
	/** Routes whose rule's `allowQuery` makes a query part of the ISR key (`/blog?page=2`). */
	readonly queryRoutes?: readonly QueryRoute[];
}

const BODY_SHAPE =
	'The body must be a JSON object: {"paths": ["/isr", "/data.json"]}, {"path": "/isr"} or {"tags": ["posts"]}.';
// C0 controls and DEL; CR and LF above all, which could split a request line.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const PERCENT_ESCAPE = /%[0-9a-f]{2}/i;
// Any origin works: it only checks that parsing the path leaves it unchanged.
const PARSE_BASE = 'http://revalidate.invalid';

/** The paths named by a parsed JSON body, validated, in their given order (indexes match the body). */
export function parseRevalidateBody(body: unknown, rules: RouteRules): string[] {
	if (typeof body !== 'object' || body === null || Array.isArray(body)) {
		throw new RevalidateError('invalid_body', BODY_SHAPE);
	}
	const fields = body as Record<string, unknown>;
	const hasPath = Object.hasOwn(fields, 'path');
	const hasPaths = Object.hasOwn(fields, 'paths');
	if (hasPath && hasPaths) {
		throw new RevalidateError(
			'invalid_body',
			`Send either "path" or "paths", not both. ${BODY_SHAPE}`,
		);
	}
	if (hasPath) return [validatePath(fields.path, 'path', 0, rules)];
	if (!hasPaths) {
		// `{"tags": [...]}` alone names no path; parseRevalidateTags reads the tags.
		if (Object.hasOwn(fields, 'tags')) return [];
		throw new RevalidateError('invalid_body', BODY_SHAPE);
	}

	const paths = fields.paths;
	if (!Array.isArray(paths)) {
		throw new RevalidateError('invalid_body', `"paths" must be an array of strings. ${BODY_SHAPE}`);
	}
	if (paths.length === 0) {
		throw new RevalidateError('invalid_body', '"paths" is empty: name at least one path.');
	}
	if (paths.length > MAX_PATHS) {
		throw new RevalidateError(
			'invalid_body',
			`"paths" has ${paths.length} entries; at most ${MAX_PATHS} are allowed per request.`,
		);
	}
	return paths.map((path, index) => validatePath(path, `paths[${index}]`, index, rules));
}

/** `path` itself when it is an ISR cache key of this site; throws a message naming `label` otherwise. */
export function validatePath(
	path: unknown,
	label: string,
	index: number,
	rules: RouteRules,
): string {
	const reject = (rule: string): never => {
		throw new RevalidateError('invalid_path', `${label} ${rule}.`, index);
	};
	if (typeof path !== 'string') return reject('must be a string');
	if (path.length === 0) return reject('is empty');
	if (path.length > MAX_PATH_LENGTH) return reject(`is longer than ${MAX_PATH_LENGTH} characters`);
	if (CONTROL_CHARACTER.test(path)) {
		return reject('contains a control character (such as CR, LF or NUL)');
	}
	if (path.includes('\\')) return reject('contains a backslash');
	if (SCHEME.test(path)) return reject('must be a path, not a URL: leave out the scheme and host');
	if (!path.startsWith('/')) return reject('must start with "/"');
	if (path.startsWith('//')) return reject('must start with a single "/" ("//" names a host)');
	if (path.includes('#')) return reject('must not contain a query or fragment ("?" or "#")');
	const queryAt = path.indexOf('?');
	const query = queryAt === -1 ? undefined : path.slice(queryAt + 1);
	return checkPathname(queryAt === -1 ? path : path.slice(0, queryAt), query, reject, rules);
}

function checkPathname(
	path: string,
	query: string | undefined,
	reject: (rule: string) => never,
	rules: RouteRules,
): string {
	if (path !== '/' && path.endsWith('/')) {
		return reject(`must not end with "/": the site uses trailingSlash: 'never'`);
	}
	const segments = path === '/' ? [] : path.slice(1).split('/');
	for (const segment of segments) checkSegment(segment, reject);
	if (new URL(path, PARSE_BASE).pathname !== path) {
		return reject('must be written as in a URL: percent-encode spaces and non-ASCII characters');
	}
	checkRoute(path, reject, rules);
	return query === undefined ? path : `${path}?${checkQuery(path, query, reject, rules)}`;
}

/**
 * A query is part of the ISR key only for a route whose rule allows it: each parameter once, an
 * allowed name, a value its rule accepts, written as `URLSearchParams` writes it. Any other query
 * would name no entry: Vercel drops parameters outside `allowQuery` before the render.
 */
function checkQuery(
	path: string,
	query: string,
	reject: (rule: string) => never,
	rules: RouteRules,
): string {
	const decoded = decodeURI(path);
	const route = rules.queryRoutes?.find((candidate) => candidate.route.test(decoded));
	if (route === undefined) return reject('must not contain a query or fragment ("?" or "#")');
	const params = new URLSearchParams(query);
	if (query === '' || params.toString() !== query) {
		return reject('has a query that is not written as name=value pairs in URL form');
	}
	const names = [...params.keys()];
	for (const name of names) {
		const pattern = route.queryValues[name];
		if (!route.allowQuery.includes(name) || pattern === undefined) {
			return reject(
				`has the query parameter "${name}", which its route does not allow (allowed: ${route.allowQuery.join(', ')})`,
			);
		}
		if (names.filter((other) => other === name).length > 1) {
			return reject(`names the query parameter "${name}" more than once`);
		}
		if (!new RegExp(pattern).test(params.get(name)!)) {
			return reject(`has a value of "${name}" that selects no page`);
		}
	}
	return query;
}

function checkSegment(segment: string, reject: (rule: string) => never): void {
	if (segment === '') reject('contains an empty segment ("//")');
	let decoded: string;
	try {
		decoded = decodeURIComponent(segment);
	} catch {
		return reject('contains invalid percent-encoding');
	}
	// WHATWG URL parsing turns `%2e%2e` into `..`, so encoded dot segments are refused too.
	if (decoded === '.' || decoded === '..') reject('contains a "." or ".." segment');
	if (/[/\\]/.test(decoded) || CONTROL_CHARACTER.test(decoded)) {
		reject('contains an encoded "/", "\\" or control character');
	}
	if (PERCENT_ESCAPE.test(decoded)) reject('is percent-encoded more than once');
}

function checkRoute(path: string, reject: (rule: string) => never, rules: RouteRules): string {
	if (/^\/_/.test(path)) return reject('names an internal route ("/_…")');
	if (/^\/api(\/|$)/i.test(path)) {
		return reject('names an API route ("/api/…"), which is never cached');
	}
	// Astro matches routes against the `decodeURI`d pathname.
	const decoded = decodeURI(path);
	if (isExcludedRoute(decoded, rules.exclude)) {
		return reject(
			'names a route excluded from ISR: it renders on every request, so there is nothing to revalidate',
		);
	}
	if (!rules.isrRoutes.some((route) => route.test(decoded))) {
		return reject('does not name an ISR route of this site');
	}
	return path;
}

/**
 * The content tags named by a parsed JSON body (`"tags"`, optional), validated, without repeats.
 * Each must resolve to at least one page, as each path must name an ISR route.
 */
export function parseRevalidateTags(body: unknown): string[] {
	if (typeof body !== 'object' || body === null || !Object.hasOwn(body, 'tags')) return [];
	const tags = (body as { tags: unknown }).tags;
	if (!Array.isArray(tags)) {
		throw new RevalidateError('invalid_body', `"tags" must be an array of strings. ${BODY_SHAPE}`);
	}
	if (tags.length === 0) {
		throw new RevalidateError('invalid_body', '"tags" is empty: name at least one tag.');
	}
	if (tags.length > MAX_TAGS) {
		throw new RevalidateError(
			'invalid_body',
			`"tags" has ${tags.length} entries; at most ${MAX_TAGS} are allowed per request.`,
		);
	}
	tags.forEach((tag: unknown, index) => {
		const rule = tagGrammarError(tag);
		if (rule) throw new RevalidateError('invalid_tag', `tags[${index}] ${rule}.`, index);
		if (pathsForTags([tag as string]).length === 0) {
			throw new RevalidateError(
				'invalid_tag',
				`tags[${index}] is shown by no page of this site: use "posts" or "post:<slug>".`,
				index,
			);
		}
	});
	return [...new Set(tags as string[])];
}

/**
 * Route `transforms`: `set`, `append` and `delete` on request headers, the request query and
 * response headers, and `set` on the request path. Semantics follow `vercel dev`'s implementation
 * of the platform's transform rules: keys compare case-insensitively, `set`/`append` on a plain key
 * that is absent create it, `delete` with `args` removes only matching values, and header values
 * are split on commas for `append` and `delete`.
 *
 * @see https://github.com/vercel/vercel/blob/main/packages/cli/src/util/dev/transforms.ts
 * @see https://github.com/vercel/vercel/blob/main/packages/routing-utils/src/schemas.ts (transformsSchema)
 */
import type { HeaderReader } from '../header-reader.ts';
import type { HeaderQueryTransform, Transform, TransformKey } from '../output/config-schema.ts';
import type { RouteMatch } from './match.ts';
import { isRequestPath } from '../output/route-patterns.ts';

/**
 * `$1` and `$name` replaced by the route's captures; other `$…` are left as written (env names
 * are not expanded: the runtime warns about `env` at start).
 */
function expandCaptures(value: string, match: RouteMatch): string {
	return value.replace(/\$([0-9A-Za-z_]+)/g, (whole, name: string) => {
		if (name in match.named) return match.named[name];
		if (/^\d+$/.test(name) && Number(name) < match.numbered.length) {
			return match.numbered[Number(name)] ?? '';
		}
		return whole;
	});
}

/** The route's transforms with its captures substituted into keys and args. */
export function resolveTransforms(
	transforms: readonly Transform[],
	match: RouteMatch,
): Transform[] {
	return transforms.map((transform) => {
		if (transform.type === 'request.path') {
			return { ...transform, args: expandCaptures(transform.args, match) };
		}
		const { key } = transform.target;
		const args = transform.args;
		return {
			...transform,
			target: { key: typeof key === 'string' ? expandCaptures(key, match) : key },
			args:
				typeof args === 'string'
					? expandCaptures(args, match)
					: args?.map((arg) => expandCaptures(arg, match)),
		};
	});
}

function matchesKey(candidate: string, rule: TransformKey): boolean {
	const name = candidate.toLowerCase();
	if (typeof rule === 'string') return name === rule.toLowerCase();
	const lower = (value: string | number) => String(value).toLowerCase();
	const number = Number(name);
	const checks: boolean[] = [
		rule.eq === undefined || name === lower(rule.eq),
		rule.neq === undefined || name !== lower(rule.neq),
		rule.inc === undefined || rule.inc.some((value) => name === lower(value)),
		rule.ninc === undefined || !rule.ninc.some((value) => name === lower(value)),
		rule.pre === undefined || name.startsWith(lower(rule.pre)),
		rule.suf === undefined || name.endsWith(lower(rule.suf)),
		rule.gt === undefined || number > rule.gt,
		rule.gte === undefined || number >= rule.gte,
		rule.lt === undefined || number < rule.lt,
		rule.lte === undefined || number <= rule.lte,
	];
	return checks.every(Boolean);
}

/** Named multi-valued fields (request or response headers, or the query) a transform edits. */
interface Fields {
	names(): string[];
	values(name: string): string[];
	/** Replaces every value of `name`; an empty list removes it. */
	replace(name: string, values: readonly string[]): void;
}

function headerFields(headers: Headers): Fields {
	return {
		names: () => [...new Set(headers.keys())],
		values: (name) =>
			(headers.get(name) ?? '')
				.split(',')
				.map((value) => value.trim())
				.filter((value) => value !== ''),
		replace(name, values) {
			headers.delete(name);
			for (const value of values) headers.append(name, value);
		},
	};
}

function queryFields(query: URLSearchParams): Fields {
	return {
		names: () => [...new Set(query.keys())],
		values: (name) => query.getAll(name),
		replace(name, values) {
			query.delete(name);
			for (const value of values) query.append(name, value);
		},
	};
}

const HEADER_NAME = /^[-\w]+$/;
const HEADER_VALUE = /^[-\w:;.,/\\"'?!(){}[\]@<>=+*#$&`|~%^ ]+$/;

function argList(args: string | readonly string[] | undefined): string[] {
	if (args === undefined) return [];
	return (typeof args === 'string' ? [args] : [...args]).filter((arg) => arg !== '');
}

function applyTransform(fields: Fields, transform: HeaderQueryTransform, isHeader: boolean): void {
	const { key } = transform.target;
	const args = argList(transform.args);
	// After substitution a header name or value may hold what a header cannot; vercel dev skips it.
	if (isHeader && transform.op !== 'delete') {
		if (typeof key === 'string' && !HEADER_NAME.test(key)) return;
		if (args.length === 0 || !args.every((arg) => HEADER_VALUE.test(arg))) return;
	}
	const matched = fields.names().filter((name) => matchesKey(name, key));
	switch (transform.op) {
		case 'set':
			for (const name of matched) fields.replace(name, args);
			if (matched.length === 0 && typeof key === 'string' && args.length > 0) {
				fields.replace(key, args);
			}
			return;
		case 'append':
			if (args.length === 0) return;
			for (const name of matched) fields.replace(name, [...fields.values(name), ...args]);
			if (matched.length === 0 && typeof key === 'string') fields.replace(key, args);
			return;
		case 'delete':
			for (const name of matched) {
				const patterns = transform.args === undefined ? undefined : argList(transform.args);
				const kept =
					patterns === undefined
						? []
						: fields
								.values(name)
								.filter((value) => !patterns.some((pattern) => matchesKey(value, pattern)));
				fields.replace(name, kept);
			}
	}
}

type Scope = HeaderQueryTransform['type'];

function ofScope(transforms: readonly Transform[], scope: Scope): HeaderQueryTransform[] {
	return transforms.filter((t): t is HeaderQueryTransform => t.type === scope);
}

/** Applies the `request.headers` or `response.headers` transforms to `headers`, in order. */
export function applyHeaderTransforms(
	headers: Headers,
	transforms: readonly Transform[],
	scope: 'request.headers' | 'response.headers',
): void {
	const fields = headerFields(headers);
	for (const transform of ofScope(transforms, scope)) applyTransform(fields, transform, true);
}

/**
 * Whether the header transforms of `scope` would change `headers`: a `delete` only does when a
 * header it names is there. Lets the handler skip copying the visitor's headers on the hot path,
 * where a site's first route deletes internal headers nobody sent.
 */
export function changesHeaders(
	headers: HeaderReader,
	transforms: readonly Transform[],
	scope: 'request.headers' | 'response.headers',
): boolean {
	return ofScope(transforms, scope).some((transform) => {
		if (transform.op !== 'delete') return true;
		const { key } = transform.target;
		// A name no header can have (after substitution, say) deletes nothing; `has` would throw.
		if (typeof key === 'string') return HEADER_NAME.test(key) && headers.has(key);
		return [...headers.keys()].some((name) => matchesKey(name, key));
	});
}

/** Applies the `request.query` transforms to `query`, in order. */
export function applyQueryTransforms(query: URLSearchParams, transforms: readonly Transform[]) {
	const fields = queryFields(query);
	for (const transform of ofScope(transforms, 'request.query'))
		applyTransform(fields, transform, false);
}

/** The path the last `request.path` transform sets, if any. */
export function requestPathOf(transforms: readonly Transform[]): string | undefined {
	let path: string | undefined;
	for (const transform of transforms) {
		// Substituted captures may have produced what the schema refuses; vercel dev skips those.
		if (transform.type === 'request.path' && isRequestPath(transform.args)) {
			path = transform.args;
		}
	}
	return path;
}

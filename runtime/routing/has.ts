/**
 * `has` / `missing` conditions of a source route, and a prerender's `experimentalBypassFor`. A string value is a regular expression matched
 * against the whole value (as Next.js's `matchHas` does); its named groups can be used in `dest`
 * and `headers`. An object value compares (`eq`, `inc`, `pre`, `gt`, …; `re` searches).
 *
 * @see https://vercel.com/docs/build-output-api/configuration#has-field
 * @see https://github.com/vercel/next.js/blob/canary/packages/next/src/shared/lib/router/utils/prepare-destination.ts
 */
import type { HeaderReader } from '../header-reader.ts';
import type { HasField, MatchableValue } from '../output/config-schema.ts';
import { compilePcre } from '../output/route-patterns.ts';

/** Request values a condition can test. */
export interface ConditionSource {
	readonly host: string;
	readonly headers: HeaderReader;
	/** Parsed from the `Cookie` header on first read. */
	readonly cookies: ReadonlyMap<string, string>;
	readonly query: URLSearchParams;
}

export type NamedGroups = Readonly<Record<string, string>>;

/** `a=1; b=2` → Map { a → 1, b → 2 } (values as sent). */
export function parseCookies(header: string | null): ReadonlyMap<string, string> {
	const cookies = new Map<string, string>();
	for (const part of (header ?? '').split(';')) {
		const equals = part.indexOf('=');
		if (equals === -1) continue;
		const name = part.slice(0, equals).trim();
		if (name !== '' && !cookies.has(name)) cookies.set(name, part.slice(equals + 1).trim());
	}
	return cookies;
}

/** The values of a request at `url`; the `Cookie` header is parsed only if a condition reads it. */
export function conditionSource(url: URL, headers: HeaderReader): ConditionSource {
	let cookies: ReadonlyMap<string, string> | undefined;
	return {
		host: url.hostname,
		headers,
		query: url.searchParams,
		get cookies() {
			return (cookies ??= parseCookies(headers.get('cookie')));
		},
	};
}

function actualValue(field: HasField, source: ConditionSource): string | undefined {
	switch (field.type) {
		case 'host':
			return source.host;
		case 'header':
			return source.headers.get(field.key) ?? undefined;
		case 'cookie':
			return source.cookies.get(field.key);
		case 'query':
			return source.query.get(field.key) ?? undefined;
	}
}

function compare(value: Exclude<MatchableValue, string>, actual: string): boolean {
	const number = Number(actual);
	const checks: boolean[] = [
		value.eq === undefined || String(value.eq) === actual,
		value.neq === undefined || value.neq !== actual,
		value.inc === undefined || value.inc.includes(actual),
		value.ninc === undefined || !value.ninc.includes(actual),
		value.pre === undefined || actual.startsWith(value.pre),
		value.suf === undefined || actual.endsWith(value.suf),
		value.re === undefined || compilePcre(value.re, true).test(actual),
		value.gt === undefined || number > value.gt,
		value.gte === undefined || number >= value.gte,
		value.lt === undefined || number < value.lt,
		value.lte === undefined || number <= value.lte,
	];
	return checks.every(Boolean);
}

/** The named groups captured when `field` holds for the request, or undefined when it does not. */
export function matchCondition(field: HasField, source: ConditionSource): NamedGroups | undefined {
	const actual = actualValue(field, source);
	if (actual === undefined) return undefined;
	if (field.value === undefined) return {};
	if (typeof field.value !== 'string') return compare(field.value, actual) ? {} : undefined;
	const match = compilePcre(`^(?:${field.value})$`, true).exec(actual);
	return match ? { ...match.groups } : undefined;
}

/** Named groups of all `has` conditions when every one holds and no `missing` one does. */
export function matchConditions(
	has: readonly HasField[] | undefined,
	missing: readonly HasField[] | undefined,
	source: ConditionSource,
): NamedGroups | undefined {
	let groups: Record<string, string> = {};
	for (const field of has ?? []) {
		const captured = matchCondition(field, source);
		if (captured === undefined) return undefined;
		groups = { ...groups, ...captured };
	}
	const anyMissingPresent = (missing ?? []).some(
		(field) => matchCondition(field, source) !== undefined,
	);
	return anyMissingPresent ? undefined : groups;
}

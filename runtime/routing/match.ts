/**
 * Matching one source route against the current path and substituting its captures into `dest`
 * and header values.
 *
 * @see https://vercel.com/docs/build-output-api/configuration#source-route
 * @see https://github.com/vercel/vercel/blob/main/packages/cli/src/util/dev/router.ts
 */
import type { SourceRoute } from '../output/config-schema.ts';
import { matchConditions, type ConditionSource, type NamedGroups } from './has.ts';
import { compileSrc } from '../output/route-patterns.ts';

export interface RouteMatch {
	/** `$1`, `$2`, … (index 0 is the whole match and is never substituted). */
	readonly numbered: readonly (string | undefined)[];
	/** Named groups of `src` and of the `has` conditions. */
	readonly named: NamedGroups;
}

// Compiled once per route object: the routes are parsed once at load and kept.
const regexes = new WeakMap<SourceRoute, RegExp>();

function regexOf(route: SourceRoute): RegExp {
	let regex = regexes.get(route);
	if (regex === undefined) {
		regex = compileSrc(route.src, route.caseSensitive);
		regexes.set(route, regex);
	}
	return regex;
}

/** The route's captures when it applies to `path` and the request, else undefined. */
export function matchRoute(
	route: SourceRoute,
	path: string,
	method: string,
	source: ConditionSource,
): RouteMatch | undefined {
	if (route.methods && !route.methods.some((m) => m.toUpperCase() === method.toUpperCase())) {
		return undefined;
	}
	const match = regexOf(route).exec(path);
	if (match === null) return undefined;
	const conditionGroups = matchConditions(route.has, route.missing, source);
	if (conditionGroups === undefined) return undefined;
	return { numbered: [...match], named: { ...match.groups, ...conditionGroups } };
}

/**
 * Replaces `$1`…`$n` and `$name` with captures; unknown names become empty, as in `vercel dev`.
 * `$0` is left as written: it is undocumented and `vercel dev` does not substitute it (spec §6.1).
 */
export function substitute(template: string, match: RouteMatch): string {
	return template.replace(/\$([1-9]\d*|[A-Za-z_]\w*)/g, (_, key: string) =>
		/^\d/.test(key) ? (match.numbered[Number(key)] ?? '') : (match.named[key] ?? ''),
	);
}

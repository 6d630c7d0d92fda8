/**
 * Human-readable route patterns for the start banner: `^(/blog/([^/]+?)/?)$` → `/blog/*`.
 */
import { isHandleRoute, type Route, type SourceRoute } from '../output/config-schema.ts';

/** Whether the `(` at 0 closes at the last character, so the whole pattern is one group. */
function isOneGroup(pattern: string): boolean {
	if (!pattern.startsWith('(') || !pattern.endsWith(')')) return false;
	let depth = 0;
	for (let index = 0; index < pattern.length; index++) {
		const char = pattern[index];
		if (char === '\\') index++;
		else if (char === '(') depth++;
		else if (char === ')' && --depth === 0) return index === pattern.length - 1;
	}
	return false;
}

/** A path-like reading of a route `src`, or the `src` itself when it is not a simple pattern. */
export function describeSrc(src: string): string {
	let pattern = src.replace(/^\^/, '').replace(/\$$/, '');
	if (isOneGroup(pattern)) pattern = pattern.slice(1, -1);
	pattern = pattern
		.replace(/(.)\/\?$/, '$1')
		.replace(/\(\?<(\w+)>[^()]*\)/g, ':$1')
		.replace(/\([^()?][^()]*\)/g, '*')
		.replace(/\\([./-])/g, '$1');
	return /[[\](){}+?|^$\\]/.test(pattern) ? src : pattern;
}

function destPath(dest: string): string {
	const path = dest.split('?')[0];
	return path.startsWith('/') ? path : `/${path}`;
}

/** The `src` of every source route whose `dest` is `outputPath`. */
export function publicRoutesTo(routes: readonly Route[], outputPath: string): string[] {
	return routes
		.filter((route): route is SourceRoute => !isHandleRoute(route) && route.dest !== undefined)
		.filter((route) => destPath(route.dest as string) === outputPath)
		.map((route) => route.src);
}

/**
 * Human-readable route patterns for the start banner, in route-rule words: `:name` for a named
 * segment, `*` for one segment, `**` for any rest. `^(/blog/([^/]+?)/?)$` → `/blog/*`,
 * `(?<__isr_route>/products/(?:.*))` → `/products/**`, `^/?$` → `/`. A pattern the reading does
 * not cover is shown as written.
 */
import { isHandleRoute, type Route, type SourceRoute } from '../output/config-schema.ts';

/** Whether the group opening at 0 closes at the last character, so it wraps the whole pattern. */
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

/** `(`, `(?:` or `(?<name>` at the start of a whole-pattern group, removed. */
function unwrap(pattern: string): string {
	if (!isOneGroup(pattern)) return pattern;
	return pattern.slice(1, -1).replace(/^\?(?::|P?<\w+>)/, '');
}

const SEGMENT = String.raw`\[\^/\][+*]\??`;
const ANY = String.raw`\.[+*]\??`;

const READINGS: readonly (readonly [RegExp, string])[] = [
	[new RegExp(String.raw`\(\?P?<(\w+)>${SEGMENT}\)`, 'g'), ':$1'],
	[new RegExp(String.raw`\(${SEGMENT}\)`, 'g'), '*'],
	[new RegExp(String.raw`\(\?:/\((?:\?P?<\w+>)?${ANY}\)\)\??`, 'g'), '/**'],
	[new RegExp(String.raw`\((?:\?:|\?P?<\w+>)?${ANY}\)`, 'g'), '**'],
	[new RegExp(ANY, 'g'), '**'],
	// An optional slash before another (`^/?/__data.json`, SvelteKit) or at the end is no path part.
	[/\/\?(?=\/|$)/g, ''],
	[/\\([./-])/g, '$1'],
];

/** A path-like reading of a route `src`, or the `src` itself when it is not a simple pattern. */
export function describeSrc(src: string): string {
	let pattern = unwrap(src.replace(/^\^/, '').replace(/\$$/, ''));
	if (pattern === '/?') return '/';
	for (const [regex, reading] of READINGS) pattern = pattern.replace(regex, reading);
	if (pattern === '') pattern = '/';
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

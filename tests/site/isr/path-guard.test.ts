import { describe, expect, it } from 'vitest';
import {
	AMBIGUOUS_PATH_SOURCES,
	isAmbiguousPath,
	isCanonicalRenderPath,
} from '../../../src/isr/path-guard.ts';
import { compileSrc } from '@astro-isr/vercel-runtime/routing';

// Anchored as `normalizeRoutes` stores a route's `src` (and as the runtime matches it), both
// case-insensitively (Vercel's default) and with `caseSensitive: true`.
const matchesRoute = (path: string) =>
	AMBIGUOUS_PATH_SOURCES.some(
		(src) => compileSrc(src).test(path) && compileSrc(src, true).test(path),
	);

const AMBIGUOUS = [
	'/blog/..%2Fssr',
	'/blog/..%2fssr',
	'/blog/%2e%2e%2fisr',
	'/blog/%2E%2E%2Fisr',
	'/blog/..%2F',
	'/blog/..%5Cssr',
	'/blog/..%5cssr',
	'/blog/..\\ssr',
	'/blog/..',
	'/blog/.',
	'/blog/%2e',
	'/blog/.%2E',
	'/blog/%2e./api/revalidate',
	'/../ssr',
	'/blog/x%2F..%2F..%2Fapi%2Frevalidate',
	'/blog/%00',
	'/blog/x%0a',
	'/blog/%0D%0Aset-cookie',
	'/blog/%1b[2J',
	'/blog/%7F',
	'/blog/%68ello-world',
	'/blog/hello%2Dworld',
	'/%69sr',
	'/blog/a%5Fb',
	'/blog/a%7eb',
	'/blog/x%30',
];
const PLAIN = [
	'/',
	'/isr',
	'/data.json',
	'/blog',
	'/blog/hello-world',
	'/blog/a.b',
	'/blog/...',
	'/.well-known/x',
	'/blog/caf%C3%A9',
	'/blog/a%20b',
	'/blog/a%40b',
];

describe('ambiguous request paths', () => {
	it.each(AMBIGUOUS)('refuses %s, in the route patterns and in the predicate', (path) => {
		expect(matchesRoute(path)).toBe(true);
		expect(isAmbiguousPath(path)).toBe(true);
	});

	it.each(PLAIN)('lets %s through, in the route patterns and in the predicate', (path) => {
		expect(matchesRoute(path)).toBe(false);
		expect(isAmbiguousPath(path)).toBe(false);
	});
});

describe('isCanonicalRenderPath (x_astro_path after query decoding)', () => {
	it.each(['/', '/isr', '/blog/hello-world', '/blog/café', '/blog/hello world', '/data.json'])(
		'renders %s',
		(path) => {
			expect(isCanonicalRenderPath(path)).toBe(true);
		},
	);

	it.each([
		['/blog/../ssr', 'a dot segment'],
		['/blog/./isr', 'a single-dot segment'],
		['/blog/%2e%2e/isr', 'an encoded dot segment that URL parsing resolves'],
		['/blog/%2fssr', 'a separator that Astro decodes'],
		['/blog/%252e%252e', 'a dot segment after one more decoding'],
		['/blog/..\\ssr', 'a backslash'],
		['//evil.example/x', 'a protocol-relative path'],
		['/blog//ssr', 'an empty segment'],
		['/blog/x?y=1', 'a query (from an encoded %3F)'],
		['/blog/x#y', 'a fragment (from an encoded %23)'],
		['/blog/%E0%A4%A', 'a malformed escape'],
		['blog/x', 'no leading slash'],
		['/blog/\u0000', 'a NUL (from an encoded %00)'],
		['/blog/x\r\nset-cookie: a=b', 'CR and LF'],
		['/blog/%1b[2J', 'an escape character after one more decoding'],
	])('refuses %s: %s', (path) => {
		expect(isCanonicalRenderPath(path)).toBe(false);
	});
});

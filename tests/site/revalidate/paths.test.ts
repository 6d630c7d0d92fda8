import { describe, expect, it } from 'vitest';
import isr, { isrRoutes } from 'virtual:isr-config';
import { RevalidateError } from '../../../src/revalidate/errors.ts';
import { MAX_PATH_LENGTH, MAX_PATHS, parseRevalidateBody } from '../../../src/revalidate/paths.ts';

const rules = { isrRoutes, exclude: isr.exclude };

function rejection(body: unknown): RevalidateError {
	try {
		parseRevalidateBody(body, rules);
	} catch (error) {
		expect(error).toBeInstanceOf(RevalidateError);
		return error as RevalidateError;
	}
	throw new Error('expected the body to be refused');
}

describe('parseRevalidateBody', () => {
	it('accepts {"paths": [...]} and {"path": ...} naming the site ISR routes', () => {
		expect(parseRevalidateBody({ paths: ['/isr', '/data.json', '/', '/blog'] }, rules)).toEqual([
			'/isr',
			'/data.json',
			'/',
			'/blog',
		]);
		expect(parseRevalidateBody({ path: '/blog/hello-world' }, rules)).toEqual([
			'/blog/hello-world',
		]);
	});

	it('accepts percent-encoded characters in a dynamic segment', () => {
		expect(parseRevalidateBody({ path: '/blog/caf%C3%A9' }, rules)).toEqual(['/blog/caf%C3%A9']);
	});

	it.each([
		['a string', '"/isr"'],
		['null', null],
		['an array', ['/isr']],
		['a number', 42],
		['an object without path or paths', { pahts: ['/isr'] }],
		['an object with both path and paths', { path: '/isr', paths: ['/isr'] }],
		['paths that is not an array', { paths: '/isr' }],
		['an empty paths list', { paths: [] }],
		[`${MAX_PATHS + 1} paths`, { paths: Array.from({ length: MAX_PATHS + 1 }, () => '/isr') }],
	])('refuses %s as invalid_body', (_, body) => {
		expect(rejection(body).code).toBe('invalid_body');
	});

	it(`accepts exactly ${MAX_PATHS} paths`, () => {
		expect(
			parseRevalidateBody({ paths: Array.from({ length: MAX_PATHS }, () => '/isr') }, rules),
		).toHaveLength(MAX_PATHS);
	});

	const CONTROL = 'control character';
	const DOTS = '"." or ".." segment';
	const ENCODED = 'encoded "/", "\\" or control character';
	const NOT_ISR = 'does not name an ISR route';
	it.each([
		['a number', 1, 'must be a string'],
		['null', null, 'must be a string'],
		['an object', { path: '/isr' }, 'must be a string'],
		['an array', ['/isr'], 'must be a string'],
		['an empty string', '', 'is empty'],
		['CRLF', '/isr\r\nx-prerender-revalidate: forged', CONTROL],
		['LF', '/isr\n', CONTROL],
		['NUL', '/isr\u0000', CONTROL],
		['DEL', '/isr\u007f', CONTROL],
		['a tab', '/is\tr', CONTROL],
		['a backslash', '/\\evil.com', 'backslash'],
		['a backslash inside', '/blog\\hello-world', 'backslash'],
		['a dot-dot segment', '/blog/../isr', DOTS],
		['a dot segment', '/./isr', DOTS],
		['a trailing dot-dot', '/blog/..', DOTS],
		['an encoded dot-dot', '/blog/%2e%2e/isr', DOTS],
		['an upper-case encoded dot-dot', '/blog/%2E%2E', DOTS],
		['a half-encoded dot-dot', '/blog/.%2e', DOTS],
		['an encoded slash', '/blog/a%2Fb', ENCODED],
		['an encoded backslash', '/blog/a%5Cb', ENCODED],
		['an encoded NUL', '/blog/a%00b', ENCODED],
		['an encoded CR', '/blog/a%0Db', ENCODED],
		['double encoding', '/blog/%252e%252e', 'percent-encoded more than once'],
		['invalid percent-encoding', '/blog/%zz', 'invalid percent-encoding'],
		['a truncated UTF-8 escape', '/blog/%E0%A4', 'invalid percent-encoding'],
		['a protocol-relative host', '//evil.com', 'single "/"'],
		['a protocol-relative host with a path', '//evil.com/isr', 'single "/"'],
		['an absolute URL', 'http://x', 'not a URL'],
		['an absolute https URL to our own page', 'https://example.com/isr', 'not a URL'],
		['a javascript: URL', 'javascript:alert(1)', 'not a URL'],
		['a relative path', 'isr', 'must start with "/"'],
		['a path with a query', '/isr?x=1', 'query or fragment'],
		['a path with a fragment', '/isr#top', 'query or fragment'],
		['a trailing slash', '/isr/', 'must not end with "/"'],
		['an empty segment', '/blog//hello-world', 'empty segment'],
		['a space', '/blog/hello world', 'percent-encode'],
		['raw non-ASCII', '/blog/café', 'percent-encode'],
		[
			`${MAX_PATH_LENGTH + 1} characters`,
			`/blog/${'a'.repeat(MAX_PATH_LENGTH - 5)}`,
			'longer than',
		],
		['the revalidation endpoint', '/api/revalidate', 'API route'],
		['the API root', '/api', 'API route'],
		['an upper-case API path', '/API/revalidate', 'API route'],
		['the ISR function', '/_isr', 'internal route'],
		['the render function', '/_render', 'internal route'],
		['an internal asset path', '/_astro/client.js', 'internal route'],
		['the excluded SSR page', '/ssr', 'excluded from ISR'],
		['an unknown route', '/no-such-page', NOT_ISR],
		['a path below a static page', '/isr/more', NOT_ISR],
		['a nested path below a post', '/blog/hello-world/extra', NOT_ISR],
		['the 404 route', '/404', NOT_ISR],
	])('refuses a path with %s, naming its index and the rule', (_, path, rule) => {
		const error = rejection({ paths: ['/isr', path] });
		expect(error.code).toBe('invalid_path');
		expect(error.index).toBe(1);
		expect(error.message).toMatch(/^paths\[1\] /);
		expect(error.message).toContain(rule);
	});

	it(`accepts a path of exactly ${MAX_PATH_LENGTH} characters`, () => {
		const path = `/blog/${'a'.repeat(MAX_PATH_LENGTH - 6)}`;
		expect(path).toHaveLength(MAX_PATH_LENGTH);
		expect(parseRevalidateBody({ path }, rules)).toEqual([path]);
	});

	it('names the single-path form "path"', () => {
		const error = rejection({ path: '/ssr' });
		expect(error.index).toBe(0);
		expect(error.message).toMatch(/^path /);
	});

	it('never repeats the raw input in its message', () => {
		const hostile = '/isr\r\nSet-Cookie: <script>alert(1)</script>';
		const error = rejection({ paths: [hostile] });
		expect(error.message).not.toContain('script');
		expect(error.message).not.toContain('Set-Cookie');
		expect(rejection({ path: `/blog/${'x'.repeat(2000)}` }).message).not.toContain('xxxx');
	});

	it('keeps duplicates so indexes match the body', () => {
		expect(parseRevalidateBody({ paths: ['/isr', '/isr'] }, rules)).toEqual(['/isr', '/isr']);
	});
});

import { describe, expect, it } from 'vitest';
import {
	chunk,
	DEFAULT_SITE_URL,
	parseRevalidateArgs,
	UsageError,
} from '../../../scripts/revalidate-args.ts';

describe('parseRevalidateArgs', () => {
	it('defaults to the local runtime', () => {
		expect(parseRevalidateArgs(['/isr', '/data.json'])).toEqual({
			siteUrl: DEFAULT_SITE_URL,
			paths: ['/isr', '/data.json'],
			help: false,
		});
		expect(DEFAULT_SITE_URL).toBe('http://localhost:4321');
	});

	it.each([
		[['--url', 'https://example.com', '/isr']],
		[['--url=https://example.com', '/isr']],
		[['-u', 'https://example.com/', '/isr']],
		[['/isr', '--url', 'https://example.com']],
	])('reads the site from %j', (argv) => {
		expect(parseRevalidateArgs(argv)).toEqual({
			siteUrl: 'https://example.com',
			paths: ['/isr'],
			help: false,
		});
	});

	it('asks for help without paths', () => {
		expect(parseRevalidateArgs(['--help']).help).toBe(true);
		expect(parseRevalidateArgs(['-h']).help).toBe(true);
	});

	it('passes paths through for the endpoint to validate', () => {
		expect(parseRevalidateArgs(['--', '/isr', '/blog/hello-world']).paths).toEqual([
			'/isr',
			'/blog/hello-world',
		]);
	});

	it.each([
		['no paths', [], 'at least one path'],
		['an unknown option', ['--force', '/isr'], "'--force'"],
		['--url without a value', ['/isr', '--url'], '--url'],
		['a relative URL', ['--url', 'example.com', '/isr'], 'absolute URL'],
		['another scheme', ['--url', 'ftp://example.com', '/isr'], 'http://'],
		['a URL with a path', ['--url', 'https://example.com/api/revalidate', '/isr'], 'origin only'],
	])('refuses %s with a UsageError', (_, argv, message) => {
		expect(() => parseRevalidateArgs(argv)).toThrow(UsageError);
		expect(() => parseRevalidateArgs(argv)).toThrow(message);
	});
});

describe('chunk', () => {
	it('splits a list into groups of at most the given size', () => {
		expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
		expect(chunk([], 50)).toEqual([]);
	});
});

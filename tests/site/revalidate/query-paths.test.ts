import { describe, expect, it } from 'vitest';
import isr, { isrQueryRoutes, isrRoutes } from 'virtual:isr-config';
import { RevalidateError } from '../../../src/revalidate/errors.ts';
import { parseRevalidateBody } from '../../../src/revalidate/paths.ts';

const rules = { isrRoutes, exclude: isr.exclude, queryRoutes: isrQueryRoutes };

function reason(path: string): string {
	try {
		parseRevalidateBody({ path }, rules);
	} catch (error) {
		expect(error).toBeInstanceOf(RevalidateError);
		return (error as RevalidateError).message;
	}
	throw new Error(`expected ${path} to be refused`);
}

describe("a path with its rule's allowed query", () => {
	it('names a page of /blog: /blog?page=2', () => {
		expect(isrQueryRoutes.map((route) => route.allowQuery)).toEqual([['page']]);
		expect(parseRevalidateBody({ paths: ['/blog?page=2', '/blog?page=10'] }, rules)).toEqual([
			'/blog?page=2',
			'/blog?page=10',
		]);
	});

	it.each([
		['/blog?page=1', 'selects no page'],
		['/blog?page=02', 'selects no page'],
		['/blog?page=x', 'selects no page'],
		['/blog?utm_source=x', 'does not allow'],
		['/blog?page=2&page=3', 'more than once'],
		['/blog?page=2&utm=1', 'does not allow'],
		['/blog?', 'name=value'],
		['/blog?page=2#top', 'query or fragment'],
		['/isr?page=2', 'query or fragment'],
		['/blog/hello-world?page=2', 'query or fragment'],
	])('refuses %s (%s)', (path, message) => {
		expect(reason(path)).toContain(message);
	});

	it('still refuses a query when the rules are not given', () => {
		expect(() => parseRevalidateBody({ path: '/blog?page=2' }, { isrRoutes, exclude: [] })).toThrow(
			/query or fragment/,
		);
	});
});

import { describe, expect, it } from 'vitest';
import {
	PAGE_VALUES,
	pageCount,
	pagePath,
	POSTS_PER_PAGE,
	postsOnPage,
} from '../../../src/lib/pagination.ts';
import { extraListPagePaths, pathsForTags, tagsForPage } from '../../../src/revalidate/tags.ts';

describe('the pages of /blog', () => {
	const posts = Array.from({ length: POSTS_PER_PAGE * 2 + 1 }, (_, index) => index);

	it('fill pages of POSTS_PER_PAGE, newest first, and none past the last', () => {
		expect(pageCount(0)).toBe(1);
		expect(pageCount(posts.length)).toBe(3);
		expect(postsOnPage(posts, 1)).toEqual(posts.slice(0, POSTS_PER_PAGE));
		expect(postsOnPage(posts, 3)).toEqual([posts.length - 1]);
		expect(postsOnPage(posts, 4)).toBeUndefined();
		expect(postsOnPage([], 1)).toEqual([]);
	});

	it('are /blog, then /blog?page=N', () => {
		expect(pagePath(1)).toBe('/blog');
		expect(pagePath(2)).toBe('/blog?page=2');
	});

	it.each(['2', '9', '10', '999'])('accept %s as a page number', (value) => {
		expect(new RegExp(PAGE_VALUES).test(value)).toBe(true);
	});

	it.each(['1', '0', '02', '1000', '-2', '2.0', '2 ', 'two', ''])('refuse %o', (value) => {
		expect(new RegExp(PAGE_VALUES).test(value)).toBe(false);
	});
});

describe('content tags of the list pages', () => {
	it('show posts on every page of /blog', () => {
		expect(tagsForPage('/blog?page=2')).toEqual(['posts']);
		expect(tagsForPage('/blog?page=1')).toEqual([]);
		expect(tagsForPage('/blog?page=x')).toEqual([]);
	});

	it('cover every page, and the page that was last before a post was removed', () => {
		const full = POSTS_PER_PAGE * 2;
		// After a removal that emptied page 3, page 3 must still be revalidated (to its 404).
		expect(extraListPagePaths(full)).toEqual(['/blog?page=2', '/blog?page=3']);
		expect(extraListPagePaths(full + 1)).toEqual(['/blog?page=2', '/blog?page=3']);
		expect(extraListPagePaths(POSTS_PER_PAGE - 1)).toEqual([]);
		expect(pathsForTags(['posts'], full)).toEqual([
			'/',
			'/blog',
			'/data.json',
			'/blog?page=2',
			'/blog?page=3',
		]);
	});

	it('name only page 1 when the count is unknown or one page holds every post', () => {
		expect(pathsForTags(['posts'])).toEqual(['/', '/blog', '/data.json']);
	});
});

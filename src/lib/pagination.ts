/**
 * `/blog`'s pages: page 1 is `/blog`, page N is `/blog?page=N` (the `/blog` route rule allows
 * `page`, src/isr/config.ts). A page past the last answers 404, a cacheable status kept briefly
 * (src/isr/cache-policy.ts), so the number of entries stays bounded by the rule's valid values.
 */
export const POSTS_PER_PAGE = 5;
/** Valid `page` values: 2 to 999 without leading zeros (page 1 is `/blog` itself). */
export const PAGE_VALUES = '^(?:[2-9]|[1-9][0-9]{1,2})$';
export const PAGE_PARAM = 'page';
export const BLOG_PATH = '/blog';

/** How many list pages `count` published posts fill (at least one, which may be empty). */
export function pageCount(count: number): number {
	return Math.max(1, Math.ceil(count / POSTS_PER_PAGE));
}

/** The page number a `page` value selects; an absent value is page 1. */
export function pageNumber(value: string | null): number {
	return value === null ? 1 : Number(value);
}

export function pagePath(page: number): string {
	return page === 1 ? BLOG_PATH : `${BLOG_PATH}?${PAGE_PARAM}=${page}`;
}

/** The posts on `page`, or `undefined` when the page is past the last. */
export function postsOnPage<T>(posts: readonly T[], page: number): T[] | undefined {
	if (page < 1 || page > pageCount(posts.length)) return undefined;
	return posts.slice((page - 1) * POSTS_PER_PAGE, page * POSTS_PER_PAGE);
}

/**
 * Content tags: what each ISR page shows, and so which pages a change of content touches.
 *
 * - `posts`: anything that lists posts: `/`, `/blog` and each of its pages (`/blog?page=2`),
 *   `/data.json`.
 * - `post:<slug>`: the post's own page, `/blog/<slug>`.
 *
 * Tags resolve to paths here, and the paths are revalidated one by one with
 * `x-prerender-revalidate`, Vercel's documented mechanism. Vercel's own tag purge is not used:
 * whether it reaches ISR entries is undocumented (README "Tags and webhooks").
 *
 * @see https://vercel.com/docs/build-output-api/features#on-demand-incremental-static-regeneration-isr
 */
import { BLOG_PATH, PAGE_PARAM, PAGE_VALUES, pageCount, pagePath } from '../lib/pagination.ts';
import { isValidSlug, type Post, type PostChange } from '../store/post.ts';

export const POSTS_TAG = 'posts';
const POST_TAG_PREFIX = 'post:';

/** The pages that list posts; each shows the `posts` tag. */
export const POST_LIST_PATHS: readonly string[] = ['/', '/blog', '/data.json'];

export const MAX_TAGS = 64;
/** Vercel's limit for a cache tag, kept so the same tags work as platform tags. */
export const MAX_TAG_BYTES = 256;

export function postTag(slug: string): string {
	return `${POST_TAG_PREFIX}${slug}`;
}

export function postPath(slug: string): string {
	return `/blog/${slug}`;
}

/**
 * `/blog`'s pages after page 1 that `publishedCount` posts fill, and one more when a post less
 * would have filled it: a removed post can leave the page that was last empty, and that page
 * must be revalidated too, to its 404.
 */
export function extraListPagePaths(publishedCount: number): string[] {
	const last = pageCount(publishedCount + 1);
	return Array.from({ length: last - 1 }, (_, index) => pagePath(index + 2));
}

/** `/blog?page=N` for a valid N. */
function isListPagePath(path: string): boolean {
	const prefix = `${BLOG_PATH}?${PAGE_PARAM}=`;
	return path.startsWith(prefix) && new RegExp(PAGE_VALUES).test(path.slice(prefix.length));
}

/** The tags of the page at `path`: what the page declares it shows. */
export function tagsForPage(path: string): string[] {
	if (POST_LIST_PATHS.includes(path) || isListPagePath(path)) return [POSTS_TAG];
	const slug = /^\/blog\/([^/]+)$/.exec(path)?.[1];
	return slug !== undefined && isValidSlug(slug) ? [postTag(slug)] : [];
}

/**
 * The tags a write touches: the post's own tag under its old and new slug, and `posts`. A change
 * to a post that is a draft before and after touches nothing a visitor can see.
 */
export function tagsForChange(change: PostChange): string[] {
	const sides = [change.before, change.after].filter((post): post is Post => post !== undefined);
	if (!sides.some((post) => post.published)) return [];
	return [...new Set(sides.map((post) => postTag(post.slug))), POSTS_TAG];
}

/**
 * The ISR paths that show any of `tags`, without repeats, in the order the tags name them.
 * `publishedCount` (the posts published now) decides which pages of `/blog` `posts` covers.
 */
export function pathsForTags(tags: readonly string[], publishedCount = 0): string[] {
	const paths = tags.flatMap((tag) => {
		if (tag === POSTS_TAG) return [...POST_LIST_PATHS, ...extraListPagePaths(publishedCount)];
		const slug = tag.startsWith(POST_TAG_PREFIX) ? tag.slice(POST_TAG_PREFIX.length) : undefined;
		return slug !== undefined && isValidSlug(slug) ? [postPath(slug)] : [];
	});
	return [...new Set(paths)];
}

// C0 controls, DEL and the C1 controls.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

/** Why `tag` breaks the tag grammar, or `undefined` when it is a valid tag. */
export function tagGrammarError(tag: unknown): string | undefined {
	if (typeof tag !== 'string') return 'must be a string';
	if (tag.length === 0) return 'is empty';
	if (new TextEncoder().encode(tag).byteLength > MAX_TAG_BYTES) {
		return `is longer than ${MAX_TAG_BYTES} bytes`;
	}
	if (tag.includes(',')) return 'contains a comma';
	if (CONTROL_CHARACTER.test(tag)) return 'contains a control character (such as CR, LF or NUL)';
	return undefined;
}

/** A post as pages and the editor see it, whichever store it comes from. */
export interface Post {
	/** Matches `SLUG_PATTERN`, at most `MAX_SLUG_LENGTH` characters. */
	readonly slug: string;
	readonly title: string;
	/** Markdown. */
	readonly body: string;
	readonly published: boolean;
	/** Set when the post is first published; kept when it is unpublished. */
	readonly publishedAt: Date | null;
	/** Millisecond precision; the optimistic-concurrency version of the post. */
	readonly updatedAt: Date;
}

export interface PostInput {
	readonly slug: string;
	readonly title: string;
	readonly body: string;
	readonly published: boolean;
}

/** What a write did, for tag resolution. */
export interface PostChange {
	/** `undefined` for a create. */
	readonly before: Post | undefined;
	/** `undefined` for a delete. */
	readonly after: Post | undefined;
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_SLUG_LENGTH = 80;

/** Whether `slug` can name a post; checked before any lookup so odd input never reaches the store. */
export function isValidSlug(slug: unknown): slug is string {
	return typeof slug === 'string' && slug.length <= MAX_SLUG_LENGTH && SLUG_PATTERN.test(slug);
}

/** Newest publication first; the order of every public list. */
export function byPublishedAtDesc(a: Post, b: Post): number {
	return (
		(b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0) ||
		a.slug.localeCompare(b.slug)
	);
}

/** Newest edit first; the order of the editor's list. */
export function byUpdatedAtDesc(a: Post, b: Post): number {
	return b.updatedAt.getTime() - a.updatedAt.getTime() || a.slug.localeCompare(b.slug);
}

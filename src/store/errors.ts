import type { Post } from './post.ts';

/** A create, or an update that renames a post, named a slug another post has. */
export class SlugTakenError extends Error {
	override readonly name = 'SlugTakenError';
	readonly slug: string;
	constructor(slug: string) {
		super(`A post with the slug "${slug}" already exists.`);
		this.slug = slug;
	}
}

export class PostNotFoundError extends Error {
	override readonly name = 'PostNotFoundError';
	readonly slug: string;
	constructor(slug: string) {
		super(`There is no post with the slug "${slug}".`);
		this.slug = slug;
	}
}

/** The write was based on an older version than the stored one; `current` is the stored one. */
export class ConflictError extends Error {
	override readonly name = 'ConflictError';
	readonly current: Post;
	constructor(current: Post) {
		super(
			`The post "${current.slug}" was changed at ${current.updatedAt.toISOString()}, after the version this change was based on.`,
		);
		this.current = current;
	}
}

/** A write on the seed store, which serves the posts bundled with the build. */
export class ReadOnlyStoreError extends Error {
	override readonly name = 'ReadOnlyStoreError';
	constructor() {
		super(
			'No database is connected, so posts are read-only. Set TURSO_DATABASE_URL and TURSO_AUTH_TOKEN (see README "The content store").',
		);
	}
}

/** The database could not be read or written. Pages answer 503 and keep the last good copy cached. */
export class StoreUnavailableError extends Error {
	override readonly name = 'StoreUnavailableError';
	constructor(cause: unknown) {
		super('The content database cannot be reached or read.', { cause });
	}
}

import type { Post, PostChange, PostInput } from './post.ts';

/** `seed`: the read-only posts bundled with the build. */
export type StoreKind = 'database' | 'seed';

/**
 * Where posts live. Reads and writes throw `StoreUnavailableError` when the database cannot be
 * reached; writes on the seed store throw `ReadOnlyStoreError`.
 */
export interface ContentStore {
	readonly kind: StoreKind;
	readonly writable: boolean;
	/** Newest `publishedAt` first. */
	listPublished(): Promise<Post[]>;
	/** Drafts included, newest `updatedAt` first. */
	listAll(): Promise<Post[]>;
	getPublished(slug: string): Promise<Post | undefined>;
	/** Drafts included. */
	get(slug: string): Promise<Post | undefined>;
	/** One transaction; `SlugTakenError`. */
	create(input: PostInput): Promise<PostChange>;
	/** One transaction; `ConflictError`, `SlugTakenError` or `PostNotFoundError`. The slug may change. */
	update(slug: string, input: PostInput, expectedUpdatedAt: Date): Promise<PostChange>;
	/** `ConflictError` or `PostNotFoundError`. */
	delete(slug: string, expectedUpdatedAt: Date): Promise<PostChange>;
}

/**
 * The content store the pages and the editor use. Which one is chosen at run time from the
 * environment (`./config.ts`), read through `astro:env/server` so no value is inlined into
 * the build.
 */
import { getSecret } from 'astro:env/server';
import { storeConfigFrom } from './config.ts';
import { openContentStore } from './open.ts';
import type { ContentStore } from './store.ts';

export type { Post, PostChange, PostInput } from './post.ts';
export { isValidSlug, MAX_SLUG_LENGTH, SLUG_PATTERN } from './post.ts';
export type { ContentStore, StoreKind } from './store.ts';
export {
	ConflictError,
	PostNotFoundError,
	ReadOnlyStoreError,
	SlugTakenError,
	StoreUnavailableError,
} from './errors.ts';
export { openContentStore } from './open.ts';

let memo: { key: string; store: ContentStore } | undefined;

/**
 * The store the environment selects; memoised per process and reopened only when the variables
 * change (as between tests that start the site with another database).
 */
export function getContentStore(): ContentStore {
	const config = storeConfigFrom({
		TURSO_DATABASE_URL: getSecret('TURSO_DATABASE_URL'),
		TURSO_AUTH_TOKEN: getSecret('TURSO_AUTH_TOKEN'),
		CONTENT_DATABASE_URL: getSecret('CONTENT_DATABASE_URL'),
	});
	const key = JSON.stringify(config);
	if (memo?.key !== key) memo = { key, store: openContentStore(config) };
	return memo.store;
}

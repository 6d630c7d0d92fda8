import { ReadOnlyStoreError } from './errors.ts';
import { byPublishedAtDesc, byUpdatedAtDesc, isValidSlug, type Post } from './post.ts';
import type { ContentStore } from './store.ts';

/** The bundled posts, read-only: how a deployment without a database still serves its blog. */
export function createSeedStore(posts: readonly Post[]): ContentStore {
	const find = (slug: string) =>
		isValidSlug(slug) ? posts.find((post) => post.slug === slug) : undefined;
	const readOnly = () => Promise.reject(new ReadOnlyStoreError());
	return {
		kind: 'seed',
		writable: false,
		listPublished: async () => posts.filter((post) => post.published).sort(byPublishedAtDesc),
		listAll: async () => [...posts].sort(byUpdatedAtDesc),
		getPublished: async (slug) => {
			const post = find(slug);
			return post?.published ? post : undefined;
		},
		get: async (slug) => find(slug),
		create: readOnly,
		update: readOnly,
		delete: readOnly,
	};
}

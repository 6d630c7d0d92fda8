/** The editor's writes wired to the real store, the revalidation client and this request's host. */
import isr from 'virtual:isr-config';
import { pathsForChange, revalidateContentPaths } from '../revalidate/revalidate-change.ts';
import type { ContentStore } from '../store/store.ts';
import type { AdminRuntimeEnv } from './context.ts';
import type { WriteDeps } from './writes.ts';

export function writeDeps(store: ContentStore, url: URL, env: AdminRuntimeEnv): WriteDeps {
	return {
		store,
		pathsFor: async (change) => {
			const published = await store.listPublished().catch(() => []);
			return pathsForChange(change, published.length);
		},
		revalidate: (paths) =>
			revalidateContentPaths(paths, {
				url,
				env,
				bypassToken: isr.bypassToken,
				fetch: globalThis.fetch,
			}),
	};
}

import { openDatabase } from './client.ts';
import type { StoreConfig } from './config.ts';
import { createDatabaseStore } from './database-store.ts';
import { SEED_POSTS } from './seed-posts.ts';
import { createSeedStore } from './seed-store.ts';
import type { ContentStore } from './store.ts';

/** Opens the store a configuration names (importable outside Astro: scripts and tests). */
export function openContentStore(config: StoreConfig): ContentStore {
	return config.kind === 'seed'
		? createSeedStore(SEED_POSTS)
		: createDatabaseStore(openDatabase(config));
}

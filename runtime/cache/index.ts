/**
 * The caches of the local Vercel runtime: the prerender (ISR) cache and the CDN cache for ordinary
 * functions, sharing one byte-bounded LRU store.
 */
import { createBackgroundWork } from './background.ts';
import { createCdnCache } from './cdn-cache.ts';
import type { CacheContext } from './context.ts';
import type { CacheEntry } from './entry.ts';
import { createPrerenderCache } from './prerender-cache.ts';
import { createMemoryStore, DEFAULT_MAX_BYTES } from './store.ts';
import type { CacheOptions, Caches } from './types.ts';

export type * from './types.ts';

const DEFAULT_INVOKE_TIMEOUT_MS = 60_000;

export function createCaches(options: CacheOptions = {}): Caches {
	const timeout = options.invokeTimeoutMs ?? DEFAULT_INVOKE_TIMEOUT_MS;
	if (!Number.isFinite(timeout) || timeout <= 0) {
		throw new TypeError(`Cache invokeTimeoutMs must be a positive number, got ${String(timeout)}`);
	}
	const store = createMemoryStore<CacheEntry>(options.maxBytes ?? DEFAULT_MAX_BYTES);
	// Each regeneration handles its own outcome; only a throwing callback can land here.
	const background = createBackgroundWork((error) =>
		console.error('[cache] background work failed', error),
	);
	const context: CacheContext = {
		store,
		background,
		now: options.now ?? Date.now,
		invokeTimeoutMs: timeout,
		onRegenerationError:
			options.onRegenerationError ??
			(({ key, reason }) => console.warn(`[cache] regeneration of ${key} failed: ${reason}`)),
		onWarning:
			options.onWarning ?? (({ key, message }) => console.warn(`[cache] ${key}: ${message}`)),
	};
	return {
		prerender: createPrerenderCache(context),
		cdn: createCdnCache(context),
		settled: () => background.settled(),
		stats: () => store.stats(),
	};
}

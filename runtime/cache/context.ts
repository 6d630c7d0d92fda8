/** What both caches share: the store, background tasks, the clock and the resolved options. */
import type { BackgroundTasks } from './background.ts';
import type { CacheEntry } from './entry.ts';
import type { ResponseStore } from './store.ts';

export interface CacheContext {
	readonly store: ResponseStore<CacheEntry>;
	readonly background: BackgroundTasks;
	readonly now: () => number;
	readonly invokeTimeoutMs: number;
	readonly onRegenerationError: (info: { key: string; reason: string }) => void;
	readonly onWarning: (info: { key: string; message: string }) => void;
}

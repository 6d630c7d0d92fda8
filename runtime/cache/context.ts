/** What both caches share: the store, background work, the clock and the resolved options. */
import type { BackgroundWork } from './background.ts';
import type { CacheEntry } from './entry.ts';
import type { ResponseStore } from './store.ts';

export interface CacheContext {
	readonly store: ResponseStore<CacheEntry>;
	/** Regenerations that outlive their request; each handles its own outcome. */
	readonly background: BackgroundWork;
	readonly now: () => number;
	readonly invokeTimeoutMs: number;
	readonly onRegenerationError: (info: { key: string; reason: string }) => void;
	readonly onWarning: (info: { key: string; message: string }) => void;
}

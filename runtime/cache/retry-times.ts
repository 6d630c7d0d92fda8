/**
 * When each key whose last regeneration failed may be regenerated in the background again. Kept
 * apart from the entries so a key without one (a fallback output whose render keeps failing) is
 * delayed too.
 *
 * @see https://vercel.com/docs/incremental-static-regeneration ("On failure")
 */
import { LRUCache } from 'lru-cache';

/** Keys remembered at most; past it the least recently used leaves first, which lets it retry early. */
export const MAX_RETRY_KEYS = 10_000;
/** Bound on the key characters held, so long URLs cannot make the keys large. */
const MAX_RETRY_KEY_CHARS = 4 * 1024 * 1024;

export interface RetryTimes {
	/** The instant `key` may regenerate in the background again; 0 when its last try did not fail. */
	get(key: string): number;
	set(key: string, retryAfter: number): void;
	delete(key: string): void;
}

export function createRetryTimes(maxKeys: number = MAX_RETRY_KEYS): RetryTimes {
	const times = new LRUCache<string, number>({
		max: maxKeys,
		maxSize: MAX_RETRY_KEY_CHARS,
		sizeCalculation: (_, key) => Math.max(1, key.length),
	});
	return {
		get: (key) => times.get(key) ?? 0,
		set(key, retryAfter) {
			times.set(key, retryAfter);
		},
		delete(key) {
			times.delete(key);
		},
	};
}

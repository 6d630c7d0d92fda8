/**
 * The one response store both caches share: bounded by total bytes, least recently used out first.
 */
import { LRUCache } from 'lru-cache';

export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

export interface StoreStats {
	readonly entries: number;
	readonly bytes: number;
	readonly maxBytes: number;
}

/** Values know their own size in bytes; the store adds the key's length. */
export interface Sized {
	readonly bytes: number;
}

export interface ResponseStore<V extends Sized> {
	/** The value under `key`, which becomes the most recently used. */
	get(key: string): V | undefined;
	/**
	 * Stores `value`, evicting least recently used values to stay within the bound. A value larger
	 * than the whole bound is not stored and removes what `key` held; returns false then.
	 */
	set(key: string, value: V): boolean;
	delete(key: string): void;
	stats(): StoreStats;
}

export function createMemoryStore<V extends Sized>(
	maxBytes: number = DEFAULT_MAX_BYTES,
): ResponseStore<V> {
	if (!Number.isSafeInteger(maxBytes) || maxBytes <= 0) {
		throw new TypeError(`Cache maxBytes must be a positive integer, got ${String(maxBytes)}`);
	}
	const sizeOf = (value: V, key: string) => value.bytes + key.length;
	const lru = new LRUCache<string, V>({ maxSize: maxBytes, sizeCalculation: sizeOf });
	return {
		get: (key) => lru.get(key),
		set(key, value) {
			if (sizeOf(value, key) > maxBytes) {
				lru.delete(key);
				return false;
			}
			lru.set(key, value);
			return true;
		},
		delete(key) {
			lru.delete(key);
		},
		stats: () => ({ entries: lru.size, bytes: lru.calculatedSize, maxBytes }),
	};
}

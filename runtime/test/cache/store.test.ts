import { describe, expect, it } from 'vitest';
import { createMemoryStore, DEFAULT_MAX_BYTES } from '../../cache/store.ts';
import { responseStoreContract } from './store-contract.ts';

responseStoreContract('createMemoryStore', (maxBytes) => createMemoryStore(maxBytes));

describe('createMemoryStore', () => {
	it('is bounded by 256 MiB unless told otherwise', () => {
		expect(createMemoryStore().stats().maxBytes).toBe(DEFAULT_MAX_BYTES);
		expect(DEFAULT_MAX_BYTES).toBe(256 * 1024 * 1024);
	});

	it('rejects a bound that is not a positive integer', () => {
		expect(() => createMemoryStore(0)).toThrow('Cache maxBytes must be a positive integer, got 0');
		expect(() => createMemoryStore(1.5)).toThrow(TypeError);
	});
});

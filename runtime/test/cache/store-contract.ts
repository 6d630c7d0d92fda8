/** Behaviour every response store must have; run it for each implementation. */
import { describe, expect, it } from 'vitest';
import type { ResponseStore, Sized } from '../../cache/store.ts';

interface Value extends Sized {
	readonly name: string;
}

const value = (name: string, bytes: number): Value => ({ name, bytes });

export function responseStoreContract(
	label: string,
	createStore: (maxBytes: number) => ResponseStore<Value>,
): void {
	describe(`${label} (response store contract)`, () => {
		it('returns what was set under a key and nothing after delete', () => {
			const store = createStore(1000);
			expect(store.set('a', value('A', 10))).toBe(true);
			expect(store.get('a')?.name).toBe('A');
			store.delete('a');
			expect(store.get('a')).toBeUndefined();
		});

		it('counts value bytes plus key length in its stats', () => {
			const store = createStore(1000);
			store.set('ab', value('A', 10));
			store.set('cde', value('C', 20));
			expect(store.stats()).toEqual({ entries: 2, bytes: 35, maxBytes: 1000 });
		});

		it('replaces a value under the same key without counting it twice', () => {
			const store = createStore(1000);
			store.set('a', value('old', 10));
			store.set('a', value('new', 30));
			expect(store.get('a')?.name).toBe('new');
			expect(store.stats().bytes).toBe(31);
		});

		it('evicts the least recently used values to stay within the byte bound', () => {
			const store = createStore(100);
			store.set('a', value('A', 39));
			store.set('b', value('B', 39));
			store.get('a');
			store.set('c', value('C', 39));
			expect(store.get('b')).toBeUndefined();
			expect(store.get('a')?.name).toBe('A');
			expect(store.get('c')?.name).toBe('C');
			expect(store.stats().bytes).toBeLessThanOrEqual(100);
		});

		it('does not store a value larger than the whole bound and drops what the key held', () => {
			const store = createStore(100);
			store.set('a', value('small', 10));
			store.set('b', value('B', 10));
			expect(store.set('a', value('huge', 100))).toBe(false);
			expect(store.get('a')).toBeUndefined();
			expect(store.get('b')?.name).toBe('B');
		});
	});
}

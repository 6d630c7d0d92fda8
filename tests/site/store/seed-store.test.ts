import { describe, expect, it } from 'vitest';
import { ReadOnlyStoreError } from '../../../src/store/errors.ts';
import type { Post } from '../../../src/store/post.ts';
import { createSeedStore } from '../../../src/store/seed-store.ts';

const at = (day: number) => new Date(Date.UTC(2026, 10, day));
const post = (slug: string, day: number, published = true): Post => ({
	slug,
	title: slug,
	body: '',
	published,
	publishedAt: published ? at(day) : null,
	updatedAt: at(day),
});

const store = createSeedStore([post('older', 1), post('newer', 5), post('hidden', 9, false)]);

describe('the seed store', () => {
	it('is read-only: every write throws ReadOnlyStoreError', async () => {
		expect(store).toMatchObject({ kind: 'seed', writable: false });
		const input = { slug: 'x', title: 'x', body: '', published: true };
		await expect(store.create(input)).rejects.toBeInstanceOf(ReadOnlyStoreError);
		await expect(store.update('older', input, at(1))).rejects.toBeInstanceOf(ReadOnlyStoreError);
		await expect(store.delete('older', at(1))).rejects.toBeInstanceOf(ReadOnlyStoreError);
	});

	it('lists published posts newest first and every post by last edit', async () => {
		expect((await store.listPublished()).map((p) => p.slug)).toEqual(['newer', 'older']);
		expect((await store.listAll()).map((p) => p.slug)).toEqual(['hidden', 'newer', 'older']);
	});

	it('hides drafts from published reads only', async () => {
		expect(await store.getPublished('hidden')).toBeUndefined();
		expect((await store.get('hidden'))?.slug).toBe('hidden');
		expect(await store.get('a\u0000b')).toBeUndefined();
	});
});

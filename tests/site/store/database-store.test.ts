import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../../src/store/client.ts';
import { createDatabaseStore } from '../../../src/store/database-store.ts';
import {
	ConflictError,
	PostNotFoundError,
	SlugTakenError,
	StoreUnavailableError,
} from '../../../src/store/errors.ts';
import { migrateDatabase } from '../../../src/store/migrate.ts';
import type { PostInput } from '../../../src/store/post.ts';
import { SEED_POSTS } from '../../../src/store/seed-posts.ts';
import { createTestDatabase, type TestDatabase } from '../../support/content-db.ts';

let database: TestDatabase;
beforeEach(async () => {
	database = await createTestDatabase();
});
afterEach(() => database.close());

const draft: PostInput = { slug: 'a-draft', title: 'A draft', body: 'Not yet.', published: false };
const live: PostInput = { slug: 'live-post', title: 'Live', body: 'Now.', published: true };

describe('a new database', () => {
	it('holds the three seed posts, newest publication first', async () => {
		const posts = await database.store.listPublished();
		expect(posts.map((post) => post.slug)).toEqual([
			'cache-headers',
			'on-demand-revalidation',
			'hello-world',
		]);
		expect(posts).toEqual(
			[...SEED_POSTS].sort((a, b) => b.publishedAt!.getTime() - a.publishedAt!.getTime()),
		);
	});

	it('is not seeded again when migrated again, so deleted posts stay deleted', async () => {
		const post = (await database.store.get('hello-world'))!;
		await database.store.delete('hello-world', post.updatedAt);
		const result = await migrateDatabase(database.db, { seed: true });
		expect(result).toEqual({ fresh: false, seeded: 0 });
		expect(await database.store.get('hello-world')).toBeUndefined();
	});
});

describe('create', () => {
	it('keeps a draft out of the published reads but in the editor reads', async () => {
		const { before, after } = await database.store.create(draft);
		expect(before).toBeUndefined();
		expect(after).toMatchObject({ ...draft, publishedAt: null });
		expect(await database.store.getPublished(draft.slug)).toBeUndefined();
		expect((await database.store.listPublished()).map((post) => post.slug)).not.toContain(
			draft.slug,
		);
		expect(await database.store.get(draft.slug)).toEqual(after);
		expect((await database.store.listAll())[0]).toEqual(after);
	});

	it('sets publishedAt on a published post', async () => {
		const { after } = await database.store.create(live);
		expect(after!.publishedAt).toEqual(after!.updatedAt);
		expect((await database.store.listPublished())[0]).toEqual(after);
	});

	it('refuses a slug that exists, also when two creates race', async () => {
		await expect(database.store.create({ ...live, slug: 'hello-world' })).rejects.toBeInstanceOf(
			SlugTakenError,
		);
		const other = createDatabaseStore(openDatabase({ client: 'file', url: database.url }));
		const results = await Promise.allSettled([
			database.store.create(live),
			other.create({ ...live, title: 'Other' }),
		]);
		expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
		const [rejected] = results.filter((result) => result.status === 'rejected');
		expect(rejected?.reason).toBeInstanceOf(SlugTakenError);
	});
});

describe('update', () => {
	it('saves against the current version and returns both versions', async () => {
		const stored = (await database.store.get('hello-world'))!;
		const input = { slug: 'hello-world', title: 'Hello again', body: 'New.', published: true };
		const change = await database.store.update('hello-world', input, stored.updatedAt);
		expect(change.before).toEqual(stored);
		expect(change.after).toMatchObject({ ...input, publishedAt: stored.publishedAt });
		expect(change.after!.updatedAt.getTime()).toBeGreaterThan(stored.updatedAt.getTime());
		expect(await database.store.getPublished('hello-world')).toEqual(change.after);
	});

	it('refuses a save based on an older version, with the stored post', async () => {
		const stored = (await database.store.get('hello-world'))!;
		const first = await database.store.update(
			'hello-world',
			{ ...live, slug: 'hello-world', title: 'First' },
			stored.updatedAt,
		);
		const second = database.store.update(
			'hello-world',
			{ ...live, slug: 'hello-world', title: 'Second' },
			stored.updatedAt,
		);
		await expect(second).rejects.toBeInstanceOf(ConflictError);
		await expect(second).rejects.toMatchObject({ current: first.after });
		expect((await database.store.get('hello-world'))!.title).toBe('First');
	});

	it('lets exactly one of two editors saving the same version win', async () => {
		const stored = (await database.store.get('hello-world'))!;
		const other = createDatabaseStore(openDatabase({ client: 'file', url: database.url }));
		const save = (store: typeof other, title: string) =>
			store.update('hello-world', { ...live, slug: 'hello-world', title }, stored.updatedAt);
		const results = await Promise.allSettled([
			save(database.store, 'A'),
			save(other, 'B'),
			save(database.store, 'C'),
		]);
		const won = results.filter((result) => result.status === 'fulfilled');
		expect(won).toHaveLength(1);
		for (const result of results.filter((result) => result.status === 'rejected')) {
			expect(result.reason).toBeInstanceOf(ConflictError);
		}
		expect((await database.store.get('hello-world'))!.title).toBe(won[0]!.value.after!.title);
	});

	it('renames a post: the old slug is gone, the new one holds it', async () => {
		const stored = (await database.store.get('hello-world'))!;
		const input = { slug: 'hello-there', title: stored.title, body: stored.body, published: true };
		const change = await database.store.update('hello-world', input, stored.updatedAt);
		expect(change.before!.slug).toBe('hello-world');
		expect(change.after!.slug).toBe('hello-there');
		expect(await database.store.get('hello-world')).toBeUndefined();
		expect(await database.store.getPublished('hello-there')).toEqual(change.after);
	});

	it('refuses to rename onto a taken slug and changes nothing', async () => {
		const stored = (await database.store.get('hello-world'))!;
		const input = { slug: 'cache-headers', title: 'Clash', body: '', published: true };
		await expect(
			database.store.update('hello-world', input, stored.updatedAt),
		).rejects.toBeInstanceOf(SlugTakenError);
		expect(await database.store.get('hello-world')).toEqual(stored);
		expect((await database.store.get('cache-headers'))!.title).toBe('Deliberate cache headers');
	});

	it('answers PostNotFoundError for a slug that does not exist', async () => {
		await expect(database.store.update('nope', live, new Date())).rejects.toBeInstanceOf(
			PostNotFoundError,
		);
	});

	it('keeps the first publication date through unpublishing and publishing again', async () => {
		const created = (await database.store.create(live)).after!;
		const hidden = (
			await database.store.update(live.slug, { ...live, published: false }, created.updatedAt)
		).after!;
		expect(hidden.publishedAt).toEqual(created.publishedAt);
		expect(await database.store.getPublished(live.slug)).toBeUndefined();
		const shown = (await database.store.update(live.slug, live, hidden.updatedAt)).after!;
		expect(shown.publishedAt).toEqual(created.publishedAt);
	});

	it('sets publishedAt when a draft is first published', async () => {
		const created = (await database.store.create(draft)).after!;
		const published = (
			await database.store.update(draft.slug, { ...draft, published: true }, created.updatedAt)
		).after!;
		expect(published.publishedAt).not.toBeNull();
	});

	it('moves the version forward even when the clock does not', async () => {
		const frozen = new Date('2026-12-01T00:00:00.000Z');
		const store = createDatabaseStore(database.db, { now: () => frozen });
		const first = (await store.create(live)).after!;
		const second = (await store.update(live.slug, live, first.updatedAt)).after!;
		const third = (await store.update(live.slug, live, second.updatedAt)).after!;
		expect(second.updatedAt.getTime()).toBe(first.updatedAt.getTime() + 1);
		expect(third.updatedAt.getTime()).toBe(first.updatedAt.getTime() + 2);
	});
});

describe('delete', () => {
	it('removes the post it was based on and returns it', async () => {
		const stored = (await database.store.get('hello-world'))!;
		const change = await database.store.delete('hello-world', stored.updatedAt);
		expect(change).toEqual({ before: stored, after: undefined });
		expect(await database.store.get('hello-world')).toBeUndefined();
	});

	it('refuses a delete based on an older version and keeps the post', async () => {
		const stored = (await database.store.get('hello-world'))!;
		await expect(
			database.store.delete('hello-world', new Date(stored.updatedAt.getTime() - 1)),
		).rejects.toBeInstanceOf(ConflictError);
		expect(await database.store.get('hello-world')).toEqual(stored);
	});

	it('answers PostNotFoundError for a slug that does not exist', async () => {
		await expect(database.store.delete('nope', new Date())).rejects.toBeInstanceOf(
			PostNotFoundError,
		);
	});
});

describe('slugs outside the grammar', () => {
	it.each(['', 'Hello', 'a--b', '-a', 'a\nb', 'a'.repeat(81), '../x'])(
		'%j reads as no post and is refused for a write',
		async (slug) => {
			expect(await database.store.get(slug)).toBeUndefined();
			expect(await database.store.getPublished(slug)).toBeUndefined();
			await expect(database.store.create({ ...live, slug })).rejects.toBeInstanceOf(RangeError);
		},
	);
});

describe('when the database cannot be read', () => {
	it('reads and writes throw StoreUnavailableError, and work again once it is repaired', async () => {
		await database.db.run(sql`ALTER TABLE posts RENAME TO posts_away`);
		await expect(database.store.listPublished()).rejects.toBeInstanceOf(StoreUnavailableError);
		await expect(database.store.getPublished('hello-world')).rejects.toBeInstanceOf(
			StoreUnavailableError,
		);
		await expect(database.store.create(live)).rejects.toBeInstanceOf(StoreUnavailableError);
		await database.db.run(sql`ALTER TABLE posts_away RENAME TO posts`);
		expect(await database.store.listPublished()).toHaveLength(3);
	});

	it('throws StoreUnavailableError for a database file that cannot be opened', () => {
		expect(() =>
			openDatabase({ client: 'file', url: `${database.url}-missing/nested.db` }),
		).toThrow(StoreUnavailableError);
	});
});

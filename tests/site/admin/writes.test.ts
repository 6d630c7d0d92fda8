import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pathsForChange } from '../../../src/revalidate/revalidate-change.ts';
import type { RevalidationResult } from '../../../src/revalidate/results.ts';
import {
	deletePost,
	MAX_RETRY_PATHS,
	retryRevalidation,
	savePost,
	type WriteDeps,
} from '../../../src/admin/writes.ts';
import { createTestDatabase, type TestDatabase } from '../../support/content-db.ts';

let db: TestDatabase;
let revalidated: string[][];
let deps: WriteDeps;

const ok = (path: string): RevalidationResult => ({
	path,
	host: 'localhost:4321',
	status: 'REVALIDATED',
	httpStatus: 200,
	generatedAt: null,
});

beforeEach(async () => {
	db = await createTestDatabase();
	revalidated = [];
	deps = {
		store: db.store,
		pathsFor: pathsForChange,
		revalidate: async (paths) => {
			revalidated.push([...paths]);
			return paths.map(ok);
		},
	};
});
afterEach(async () => db.close());

function form(fields: Record<string, string | string[]>): FormData {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) {
		for (const one of [value].flat()) data.append(name, one);
	}
	return data;
}

const version = async (slug: string) => (await db.store.get(slug))!.updatedAt.toISOString();

describe('savePost', () => {
	it('creates a post, then revalidates its page and the lists', async () => {
		const outcome = await savePost(
			form({ slug: 'fresh', title: 'Fresh', body: 'Body', published: 'on' }),
			{ mode: 'create' },
			deps,
		);
		expect(outcome).toMatchObject({ kind: 'saved', status: 200, post: { slug: 'fresh' } });
		expect(revalidated).toEqual([['/blog/fresh', '/', '/blog', '/data.json']]);
		expect((await db.store.get('fresh'))?.title).toBe('Fresh');
	});

	it('revalidates nothing for a draft that stays a draft', async () => {
		const outcome = await savePost(
			form({ slug: 'draft', title: 'Draft', body: 'Body' }),
			{ mode: 'create' },
			deps,
		);
		expect(outcome).toMatchObject({ kind: 'saved', paths: [], results: [] });
		expect(revalidated).toEqual([[]]);
	});

	it('refuses an invalid form without touching the store or revalidating', async () => {
		const before = await db.store.listAll();
		const outcome = await savePost(
			form({ slug: 'Bad', title: '', body: '' }),
			{ mode: 'create' },
			deps,
		);
		expect(outcome).toMatchObject({ kind: 'invalid', status: 422 });
		expect(await db.store.listAll()).toEqual(before);
		expect(revalidated).toEqual([]);
	});

	it('turns a taken slug into a Slug field error (409)', async () => {
		const outcome = await savePost(
			form({ slug: 'hello-world', title: 'Again', body: 'Body' }),
			{ mode: 'create' },
			deps,
		);
		expect(outcome).toMatchObject({
			kind: 'invalid',
			status: 409,
			errors: { slug: expect.stringContaining('"hello-world" is already taken') },
			values: { title: 'Again' },
		});
	});

	it('refuses an update based on an older version (409) with the stored post', async () => {
		const old = await version('hello-world');
		await savePost(
			form({ title: 'First', body: 'B', published: 'on', expectedUpdatedAt: old }),
			{ mode: 'edit', slug: 'hello-world' },
			deps,
		);
		const outcome = await savePost(
			form({ title: 'Second', body: 'B', published: 'on', expectedUpdatedAt: old }),
			{ mode: 'edit', slug: 'hello-world' },
			deps,
		);
		expect(outcome).toMatchObject({
			kind: 'conflict',
			status: 409,
			values: { title: 'Second' },
			current: { title: 'First' },
		});
		expect((await db.store.get('hello-world'))?.title).toBe('First');
	});

	it('reports a post deleted meanwhile as not found (404), keeping the typed values', async () => {
		const outcome = await savePost(
			form({ title: 'T', body: 'B', expectedUpdatedAt: new Date().toISOString() }),
			{ mode: 'edit', slug: 'gone' },
			deps,
		);
		expect(outcome).toMatchObject({ kind: 'not-found', status: 404, values: { title: 'T' } });
	});

	it('keeps a committed save when revalidation throws, reporting every path as FAILED', async () => {
		const failing: WriteDeps = {
			...deps,
			revalidate: async () => {
				throw new Error('boom');
			},
		};
		const outcome = await savePost(
			form({ slug: 'kept', title: 'Kept', body: 'B', published: 'on' }),
			{ mode: 'create' },
			failing,
		);
		expect(outcome).toMatchObject({ kind: 'saved' });
		const results = 'results' in outcome ? outcome.results : [];
		expect(results.map((result) => result.status)).toEqual([
			'FAILED',
			'FAILED',
			'FAILED',
			'FAILED',
		]);
		expect((await db.store.get('kept'))?.title).toBe('Kept');
	});

	it('reports a store that cannot be reached as unavailable (503), keeping the typed values', async () => {
		db.db.$client.close();
		const outcome = await savePost(
			form({ slug: 'offline', title: 'Offline', body: 'B' }),
			{ mode: 'create' },
			deps,
		);
		expect(outcome).toMatchObject({
			kind: 'unavailable',
			status: 503,
			values: { title: 'Offline' },
		});
	});
});

describe('deletePost', () => {
	const values = {
		slug: 'hello-world',
		title: '',
		body: '',
		published: true,
		expectedUpdatedAt: '',
	};

	it('deletes the confirmed version and revalidates the page and the lists', async () => {
		const outcome = await deletePost(
			'hello-world',
			form({ expectedUpdatedAt: await version('hello-world') }),
			deps,
			values,
		);
		expect(outcome).toMatchObject({ kind: 'deleted', post: undefined });
		expect(revalidated).toEqual([['/blog/hello-world', '/', '/blog', '/data.json']]);
		expect(await db.store.get('hello-world')).toBeUndefined();
	});

	it('refuses without a version, with a damaged one, and with an older one (409)', async () => {
		const damaged: Record<string, string>[] = [
			{},
			{ expectedUpdatedAt: 'yesterday' },
			{ expectedUpdatedAt: '1' },
		];
		for (const fields of damaged) {
			expect(await deletePost('hello-world', form(fields), deps, values)).toMatchObject({
				kind: 'invalid',
				errors: { expectedUpdatedAt: expect.stringContaining('updatedAt') },
			});
		}
		const older = new Date(Date.parse(await version('hello-world')) - 1000).toISOString();
		expect(
			await deletePost('hello-world', form({ expectedUpdatedAt: older }), deps, values),
		).toMatchObject({ kind: 'conflict', status: 409 });
		expect(await db.store.get('hello-world')).toBeDefined();
	});
});

describe('retryRevalidation', () => {
	it('revalidates the named content pages once each', async () => {
		const outcome = await retryRevalidation(form({ path: ['/blog/hello-world', '/', '/'] }), deps);
		expect(outcome).toMatchObject({ kind: 'retried', paths: ['/blog/hello-world', '/'] });
		expect(revalidated).toEqual([['/blog/hello-world', '/']]);
	});

	it.each([
		[[], 'at least one'],
		[['/isr'], 'only the pages that show posts'],
		[['/blog/x/y'], 'only the pages that show posts'],
		[['//evil.example/'], 'only the pages that show posts'],
		[Array.from({ length: MAX_RETRY_PATHS + 1 }, (_, index) => `/blog/p${index}`), 'at most'],
	])('refuses %j with 400 and revalidates nothing', async (paths, message) => {
		const outcome = await retryRevalidation(form({ path: paths }), deps);
		expect(outcome).toMatchObject({ kind: 'bad-retry', status: 400 });
		expect('message' in outcome && outcome.message).toContain(message);
		expect(revalidated).toEqual([]);
	});
});

import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { build, snapshot } from './support.ts';
import { read, startContentSite, type ContentSite } from './content-support.ts';

let content: ContentSite;
beforeAll(async () => {
	content = await startContentSite();
});
afterAll(() => content?.close());

const get = (path: string) => read(content.site, path);
const breakStore = () => content.database.db.run(sql`ALTER TABLE posts RENAME TO posts_away`);
const repairStore = () => content.database.db.run(sql`ALTER TABLE posts_away RENAME TO posts`);
// A failed test must not leave the next one with a broken store.
afterEach(async () => {
	const away = await content.database.db.all(
		sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'posts_away'`,
	);
	if (away.length > 0) await repairStore();
});
const renderTime = async (path: string) =>
	(await snapshot(await content.site.get(path))).generatedAt;

describe('when the content store fails', () => {
	it('visitors keep the last good page through expiry and revalidation, a cold page answers an uncached 503, and repair catches up', async () => {
		const warmPaths = ['/blog/hello-world', '/blog', '/data.json'];
		for (const path of warmPaths) await get(path);
		// A post prerendered at build answers PRERENDER first and is stored in the background.
		await content.site.runtime.caches.settled();
		const good = new Map<string, string>();
		for (const path of warmPaths) good.set(path, (await get(path)).body);

		await breakStore();

		// The page expires: the visitor gets the last good copy while the regeneration fails.
		content.site.advance(build.expiration + 1);
		for (const path of warmPaths) {
			const stale = await get(path);
			expect(stale, path).toMatchObject({ status: 200, cache: 'STALE' });
			expect(stale.body, path).toBe(good.get(path));
		}
		await content.site.runtime.caches.settled();
		for (const path of warmPaths) expect((await get(path)).body, path).toBe(good.get(path));

		// Revalidation renders a 503, which is never cached: FAILED, and the good copy stays.
		const { status, body } = await content.revalidate({ tags: ['post:hello-world', 'posts'] });
		expect(status).toBe(502);
		expect(body.results?.map((result) => [result.path, result.status, result.httpStatus])).toEqual([
			['/blog/hello-world', 'FAILED', 503],
			['/', 'FAILED', 503],
			['/blog', 'FAILED', 503],
			['/data.json', 'FAILED', 503],
		]);
		for (const path of warmPaths) expect((await get(path)).body, path).toBe(good.get(path));

		// A page with no good copy answers 503, not cached anywhere. (A post prerendered at build
		// has its fallback: tests/e2e/route-rules.test.ts.)
		for (const path of ['/blog/not-written-yet', '/']) {
			for (let attempt = 0; attempt < 2; attempt++) {
				const cold = await get(path);
				expect(cold, path).toMatchObject({ status: 503, cache: 'MISS', cacheControl: 'no-store' });
				expect(cold.body, path).toContain('temporarily unavailable');
			}
		}

		await repairStore();
		const before = await renderTime('/blog/hello-world');
		const repaired = await content.revalidate({ tags: ['post:hello-world', 'posts'] });
		expect(repaired.status).toBe(200);
		expect(repaired.body.results?.every((result) => result.status === 'REVALIDATED')).toBe(true);
		expect(await renderTime('/blog/hello-world')).not.toBe(before);
		expect(await get('/blog/not-written-yet')).toMatchObject({ status: 404, cache: 'MISS' });
		expect(await get('/blog/not-written-yet')).toMatchObject({ status: 404, cache: 'HIT' });
	});

	it('an expired page catches up by itself once the store is back', async () => {
		await get('/blog/on-demand-revalidation');
		await content.site.runtime.caches.settled();
		const good = await renderTime('/blog/on-demand-revalidation');
		await breakStore();
		content.site.advance(build.expiration + 1);
		await get('/blog/on-demand-revalidation');
		await content.site.runtime.caches.settled();
		expect(await renderTime('/blog/on-demand-revalidation')).toBe(good);

		await repairStore();
		// Vercel retries a failed regeneration no sooner than 30 s later.
		content.site.advance(31);
		expect((await get('/blog/on-demand-revalidation')).cache).toBe('STALE');
		await content.site.runtime.caches.settled();
		const fresh = await get('/blog/on-demand-revalidation');
		expect(fresh.cache).toBe('HIT');
		expect(await renderTime('/blog/on-demand-revalidation')).not.toBe(good);
	});
});

import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SECRET, startContentSite, type ContentSite } from './content-support.ts';
import { build, snapshot, startSite, type Site } from './support.ts';

// Each test gets its own runtime, so its cache starts empty, as a new deployment's does.
let site: Site;
let renders: string[];
const startedAt = Date.now();
beforeEach(async () => {
	renders = [];
	site = await startSite({ REVALIDATE_SECRET: SECRET }, (url) => {
		const { pathname, searchParams } = new URL(url);
		const page = searchParams.get('page');
		renders.push(`${searchParams.get('x_astro_path') ?? pathname}${page ? `?page=${page}` : ''}`);
	});
});
afterEach(async () => {
	await site.close();
});

const get = async (path: string) => snapshot(await site.get(path));

async function buildRenderTime(slug: string): Promise<string> {
	const file = join(build.outputDir, 'functions', 'blog', `${slug}.prerender-config.json`);
	const config = JSON.parse(await readFile(file, 'utf8')) as {
		initialHeaders: Record<string, string>;
	};
	return config.initialHeaders['x-generated-at']!;
}

describe('a post prerendered at build', () => {
	it('answers PRERENDER first, with the render made at build, then regenerates in the background', async () => {
		const first = await get('/blog/hello-world');
		expect(first).toMatchObject({ status: 200, cache: 'PRERENDER' });
		expect(first.generatedAt).toBe(await buildRenderTime('hello-world'));
		expect(new Date(first.generatedAt!).getTime()).toBeLessThan(startedAt);
		await site.runtime.caches.settled();
		const next = await get('/blog/hello-world');
		expect(next.cache).toBe('HIT');
		expect(next.generatedAt).not.toBe(first.generatedAt);
		expect(renders).toEqual(['/blog/hello-world']);
	});

	it('is revalidated on demand like any ISR page', async () => {
		await get('/blog/on-demand-revalidation');
		await site.runtime.caches.settled();
		const before = await get('/blog/on-demand-revalidation');
		const response = await site.get('/api/revalidate', {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization: `Bearer ${SECRET}` },
			body: JSON.stringify({ path: '/blog/on-demand-revalidation' }),
		});
		const body = (await response.json()) as { results: { status: string; generatedAt: string }[] };
		expect(response.status).toBe(200);
		expect(body.results[0]?.status).toBe('REVALIDATED');
		const after = await get('/blog/on-demand-revalidation');
		expect(after).toMatchObject({ status: 200, cache: 'HIT' });
		expect(after.generatedAt).toBe(body.results[0]?.generatedAt);
		expect(after.generatedAt).not.toBe(before.generatedAt);
	});
});

describe('per-route expiration', () => {
	it('lets /isr go STALE at 30 s while /blog keeps the site-wide expiration', async () => {
		await get('/isr');
		await get('/blog');
		site.advance(31);
		expect((await get('/isr')).cache).toBe('STALE');
		expect((await get('/blog')).cache).toBe('HIT');
		site.advance(build.expiration - 30);
		expect((await get('/blog')).cache).toBe('STALE');
	});
});

describe('pagination of /blog', () => {
	it('keys each valid page number, and strips every other parameter', async () => {
		const one = await get('/blog');
		const two = await get('/blog?page=2');
		expect(two.generatedAt).not.toBe(one.generatedAt);
		expect(await get('/blog?page=2&utm_source=x')).toMatchObject({
			cache: 'HIT',
			generatedAt: two.generatedAt,
		});
		expect(await get('/blog?utm_source=x')).toMatchObject({
			cache: 'HIT',
			generatedAt: one.generatedAt,
		});
		expect(renders).toEqual(['/blog', '/blog?page=2']);
	});

	it('answers a page past the last with a 404', async () => {
		expect((await get('/blog?page=999')).status).toBe(404);
	});

	it('sends 100 random values of page to /blog without a parameter, making no new entry', async () => {
		await get('/blog');
		const values = Array.from(
			{ length: 100 },
			(_, index) =>
				[
					randomBytes(6).toString('base64url'),
					String(-index),
					`0${index + 2}`,
					String(1000 + index * 7919),
					(Math.random() * 100).toFixed(3),
				][index % 5]!,
		);
		for (const value of values) {
			const response = await site.get(`/blog?page=${encodeURIComponent(value)}`);
			expect(response.status, value).toBe(308);
			expect(response.headers.get('location'), value).toBe('/blog?');
		}
		expect(await get('/blog?')).toMatchObject({ status: 200, cache: 'HIT' });
		expect(renders).toEqual(['/blog']);
	});
});

describe('a prerendered post removed after the deploy', () => {
	let content: ContentSite;
	beforeEach(async () => {
		content = await startContentSite();
	});
	afterEach(() => content.close());

	it('answers 404 once revalidated, but its fallback comes back whenever no entry exists', async () => {
		const store = content.database.store;
		const stored = (await store.get('cache-headers'))!;
		await store.delete('cache-headers', stored.updatedAt);
		expect((await content.revalidate({ tags: ['post:cache-headers'] })).status).toBe(200);
		expect((await snapshot(await content.site.get('/blog/cache-headers'))).status).toBe(404);

		// A cache without the entry (evicted, or unread for 31 days on Vercel): the build's page.
		const fresh = await startSite({ CONTENT_DATABASE_URL: content.database.url });
		try {
			const again = await snapshot(await fresh.get('/blog/cache-headers'));
			expect(again).toMatchObject({ status: 200, cache: 'PRERENDER' });
			await fresh.runtime.caches.settled();
			expect(await snapshot(await fresh.get('/blog/cache-headers'))).toMatchObject({
				status: 404,
				cache: 'HIT',
			});
		} finally {
			await fresh.close();
		}
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tagsForChange } from '../../src/revalidate/tags.ts';
import type { PostInput } from '../../src/store/post.ts';
import { read, startContentSite, type ContentSite } from './content-support.ts';

const PAGES = ['/blog/hello-world', '/blog', '/', '/data.json'];

let content: ContentSite;
beforeAll(async () => {
	content = await startContentSite();
});
afterAll(() => content?.close());

const store = () => content.database.store;
const get = (path: string) => read(content.site, path);

/** Writes through the store, then revalidates the change's tags through the endpoint. */
async function saveAndRevalidate(
	write: () => ReturnType<ContentSite['database']['store']['create']>,
) {
	const change = await write();
	const tags = tagsForChange(change);
	const { status, body } = await content.revalidate({ tags });
	expect(status).toBe(200);
	expect(body.results?.every((result) => result.status === 'REVALIDATED')).toBe(true);
	return { change, results: body.results ?? [] };
}

async function warm(paths: readonly string[]) {
	for (const path of paths) {
		await get(path);
		// A post prerendered at build answers PRERENDER first and is stored in the background.
		await content.site.runtime.caches.settled();
		expect((await get(path)).cache).toBe('HIT');
	}
}

describe('content read from the store at render time', () => {
	it('declares its tags on every page', async () => {
		expect((await get('/')).tags).toBe('posts');
		expect((await get('/blog')).tags).toBe('posts');
		expect((await get('/data.json')).tags).toBe('posts');
		expect((await get('/blog/hello-world')).tags).toBe('post:hello-world');
	});

	it('save, then revalidate by tags: the post, index, home and /data.json serve the new title as HIT', async () => {
		await warm(PAGES);
		const stored = (await store().get('hello-world'))!;
		const input: PostInput = {
			slug: 'hello-world',
			title: 'Hello, edited world',
			body: 'Edited *after* the deploy.',
			published: true,
		};
		const { results } = await saveAndRevalidate(() =>
			store().update('hello-world', input, stored.updatedAt),
		);
		expect(results.map((result) => result.path).sort()).toEqual([...PAGES].sort());
		for (const path of PAGES) {
			const page = await get(path);
			expect(page.cache, path).toBe('HIT');
			expect(page.body, path).toContain('Hello, edited world');
		}
		expect((await get('/blog/hello-world')).body).toContain('Edited <em>after</em> the deploy.');
	});

	it('a new post appears on its page and in every list', async () => {
		await warm(['/blog', '/', '/data.json']);
		expect((await get('/blog/brand-new')).status).toBe(404);
		await saveAndRevalidate(() =>
			store().create({ slug: 'brand-new', title: 'Brand new', body: 'Fresh.', published: true }),
		);
		const page = await get('/blog/brand-new');
		expect(page).toMatchObject({ status: 200, cache: 'HIT' });
		expect(page.body).toContain('Fresh.');
		for (const path of ['/blog', '/', '/data.json']) {
			expect((await get(path)).body, path).toContain('Brand new');
		}
		const data = JSON.parse((await get('/data.json')).body) as { posts: { slug: string }[] };
		expect(data.posts[0]?.slug).toBe('brand-new');
	});

	it('a draft is invisible: its path answers 404 and no list shows it', async () => {
		await store().create({
			slug: 'secret-draft',
			title: 'Secret draft',
			body: 'x',
			published: false,
		});
		await content.revalidate({ tags: ['posts', 'post:secret-draft'] });
		expect((await get('/blog/secret-draft')).status).toBe(404);
		for (const path of ['/blog', '/', '/data.json']) {
			expect((await get(path)).body, path).not.toContain('Secret draft');
		}
	});

	it('unpublishing answers 404 on the post and removes it from every list', async () => {
		await warm(['/blog/on-demand-revalidation', '/blog', '/']);
		const stored = (await store().get('on-demand-revalidation'))!;
		await saveAndRevalidate(() =>
			store().update(
				'on-demand-revalidation',
				{ slug: stored.slug, title: stored.title, body: stored.body, published: false },
				stored.updatedAt,
			),
		);
		expect(await get('/blog/on-demand-revalidation')).toMatchObject({ status: 404, cache: 'HIT' });
		for (const path of ['/blog', '/', '/data.json']) {
			expect((await get(path)).body, path).not.toContain('On-demand revalidation');
		}
	});

	it('deleting answers 404 on the post and removes it from every list', async () => {
		await warm(['/blog/cache-headers', '/blog']);
		const stored = (await store().get('cache-headers'))!;
		await saveAndRevalidate(() => store().delete('cache-headers', stored.updatedAt));
		expect(await get('/blog/cache-headers')).toMatchObject({ status: 404, cache: 'HIT' });
		for (const path of ['/blog', '/', '/data.json']) {
			expect((await get(path)).body, path).not.toContain('Deliberate cache headers');
		}
	});

	it('a renamed post answers on its new path, and its old path answers 404', async () => {
		const stored = (await store().get('brand-new'))!;
		await warm(['/blog/brand-new']);
		await saveAndRevalidate(() =>
			store().update(
				'brand-new',
				{ slug: 'renamed-post', title: stored.title, body: stored.body, published: true },
				stored.updatedAt,
			),
		);
		expect((await get('/blog/brand-new')).status).toBe(404);
		expect(await get('/blog/renamed-post')).toMatchObject({ status: 200, cache: 'HIT' });
		expect((await get('/blog')).body).toContain('href="/blog/renamed-post"');
	});

	it('renders raw HTML, scripts and javascript: links in a body inert', async () => {
		const body = [
			'<script>window.pwned = 1</script>',
			'<img src=x onerror="window.pwned = 1">',
			'[click](javascript:window.pwned=1)',
		].join('\n\n');
		await saveAndRevalidate(() =>
			store().create({ slug: 'hostile', title: 'Hostile', body, published: true }),
		);
		const article = /<article>([\s\S]*?)<\/article>/.exec((await get('/blog/hostile')).body)?.[1];
		expect(article).toBeDefined();
		expect(article).not.toMatch(/<(script|img|a)\b/i);
		expect(article).not.toMatch(/<[a-z][^>]*\s(href|src|on\w+)=/i);
		expect(article).toContain('&lt;script&gt;');
	});

	it('answers 404 for a slug outside the grammar, and an uncached 400 at the edge for control characters', async () => {
		const controls = await get('/blog/%0d%0aSet-Cookie:%20a=b');
		expect(controls.status).toBe(400);
		expect(controls.cacheControl).toBe('no-store');
		for (const path of ['/blog/Hello', '/blog/a--b', '/blog/%C3%A9']) {
			expect((await get(path)).status, path).toBe(404);
		}
	});
});

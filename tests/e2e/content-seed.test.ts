import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_POSTS } from '../../src/store/seed-posts.ts';
import { read } from './content-support.ts';
import { startSite, type Site } from './support.ts';

let site: Site;
beforeAll(async () => {
	for (const name of ['TURSO_DATABASE_URL', 'TURSO_AUTH_TOKEN', 'CONTENT_DATABASE_URL']) {
		delete process.env[name];
	}
	site = await startSite({});
});
afterAll(() => site?.close());

describe('without a database', () => {
	it('serves the seed posts bundled with the build', async () => {
		const blog = await read(site, '/blog');
		expect(blog.status).toBe(200);
		for (const post of SEED_POSTS) expect(blog.body).toContain(`href="/blog/${post.slug}"`);
		const page = await read(site, '/blog/hello-world');
		expect(page.status).toBe(200);
		expect(page.body).toContain('<code>/blog/hello-world</code>');
		const data = JSON.parse((await read(site, '/data.json')).body) as { posts: unknown[] };
		expect(data.posts).toHaveLength(SEED_POSTS.length);
	});
});

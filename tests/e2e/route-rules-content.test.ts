import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTS_PER_PAGE } from '../../src/lib/pagination.ts';
import { tagsForChange } from '../../src/revalidate/tags.ts';
import { getWith, signIn, startAdminSite, type AdminSite } from './admin-support.ts';
import { SECRET } from './content-support.ts';
import { snapshot } from './support.ts';

let admin: AdminSite;
let cookie: string;
beforeAll(async () => {
	admin = await startAdminSite({ REVALIDATE_SECRET: SECRET });
	cookie = await signIn(admin.site);
});
afterAll(async () => admin?.close());

const get = async (path: string) => snapshot(await admin.site.get(path));

async function revalidate(body: object) {
	const response = await admin.site.get('/api/revalidate', {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: `Bearer ${SECRET}` },
		body: JSON.stringify(body),
	});
	return {
		status: response.status,
		body: (await response.json()) as { results?: { path: string; status: string }[] },
	};
}

describe('the editor and prerendered posts', () => {
	it('warns before deleting or unpublishing a post rendered at build, and says a redeploy clears it', async () => {
		for (const path of ['/admin/posts/hello-world/delete', '/admin/posts/hello-world']) {
			const html = await (await getWith(admin.site, path, cookie)).text();
			expect(html, path).toContain('data-prerendered-warning');
			expect(html, path).toContain('Redeploy to remove it for good.');
		}
	});

	it('does not warn for a post that was not rendered at build', async () => {
		const store = admin.db.store;
		await store.create({ slug: 'after-deploy', title: 'After', body: 'x', published: true });
		const html = await (
			await getWith(admin.site, '/admin/posts/after-deploy/delete', cookie)
		).text();
		expect(html).not.toContain('data-prerendered-warning');
	});
});

describe('the pages of /blog', () => {
	it('revalidates /blog?page=2 by path, and the posts tag covers the page a removal left empty', async () => {
		const store = admin.db.store;
		const published = (await store.listPublished()).length;
		for (let index = published; index < POSTS_PER_PAGE + 1; index++) {
			await store.create({
				slug: `filler-${index}`,
				title: `Filler ${index}`,
				body: 'x',
				published: true,
			});
		}
		expect((await store.listPublished()).length).toBe(POSTS_PER_PAGE + 1);
		const second = await get('/blog?page=2');
		expect(second.status).toBe(200);

		const byPath = await revalidate({ path: '/blog?page=2' });
		expect(byPath.status).toBe(200);
		expect(byPath.body.results?.[0]).toMatchObject({ path: '/blog?page=2', status: 'REVALIDATED' });

		const oldest = (await store.listPublished()).at(-1)!;
		const change = await store.delete(oldest.slug, oldest.updatedAt);
		const byTags = await revalidate({ tags: tagsForChange(change) });
		expect(byTags.body.results?.map((result) => result.path)).toContain('/blog?page=2');
		expect(await get('/blog?page=2')).toMatchObject({ status: 404, cache: 'HIT' });
	});
});

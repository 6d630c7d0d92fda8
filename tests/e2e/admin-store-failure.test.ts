import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	getWith,
	postForm,
	resultLines,
	signIn,
	startAdminSite,
	versionOf,
	type AdminSite,
} from './admin-support.ts';

let admin: AdminSite;
let cookie: string;
beforeAll(async () => {
	admin = await startAdminSite();
	cookie = await signIn(admin.site);
});
afterAll(async () => admin?.close());

const breakStore = () => admin.db.db.run(sql`ALTER TABLE posts RENAME TO posts_away`);
const repairStore = () => admin.db.db.run(sql`ALTER TABLE posts_away RENAME TO posts`);

describe('the editor when the store fails', () => {
	it('says so, keeps typed text, reports FAILED revalidations while pages keep their last good copy, and catches up after repair', async () => {
		const page = await (await admin.site.get('/blog/hello-world')).text();
		expect(page).toContain('Hello, world');
		const version = versionOf(
			await (await getWith(admin.site, '/admin/posts/hello-world', cookie)).text(),
		);

		await breakStore();
		try {
			const list = await getWith(admin.site, '/admin', cookie);
			expect(list.status).toBe(503);
			expect(list.headers.get('cache-control')).toBe('no-store');
			expect(await list.text()).toContain('The content database cannot be reached');

			const save = await postForm(
				admin.site,
				'/admin/posts/hello-world',
				{
					title: 'Typed while down',
					body: 'Typed body',
					published: 'on',
					expectedUpdatedAt: version,
				},
				cookie,
			);
			expect(save.status).toBe(503);
			const html = await save.text();
			expect(html).toContain('The content database could not be reached');
			expect(html).toContain('value="Typed while down"');

			const retry = await postForm(
				admin.site,
				'/admin/revalidate',
				{ path: '/blog/hello-world' },
				cookie,
			);
			const [line] = resultLines(await retry.text());
			expect(line).toMatch(
				/^FAILED \/blog\/hello-world on .* \(the page answered 503, which is never cached; the last good copy is still served\)$/,
			);
			const kept = await admin.site.get('/blog/hello-world');
			expect(kept.status).toBe(200);
			expect(await kept.text()).toContain('Hello, world');
		} finally {
			await repairStore();
		}

		const retry = await postForm(
			admin.site,
			'/admin/revalidate',
			{ path: '/blog/hello-world' },
			cookie,
		);
		expect(resultLines(await retry.text())).toEqual([
			`REVALIDATED /blog/hello-world on ${new URL(admin.site.url).host}`,
		]);
		expect((await admin.db.store.get('hello-world'))?.title).toBe('Hello, world');
	});
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
	getWith,
	postForm,
	signIn,
	startAdminSite,
	versionOf,
	type AdminSite,
} from './admin-support.ts';

let admin: AdminSite;
let saved: NodeJS.ProcessEnv;
beforeAll(async () => {
	admin = await startAdminSite();
	saved = { ...process.env };
});
// Functions read the environment on every request, so each test changes it and this restores it.
afterEach(() => {
	for (const name of [
		'ADMIN_SECRET',
		'ADMIN_PREVIEW_WRITES',
		'VERCEL_ENV',
		'CONTENT_DATABASE_URL',
	]) {
		if (saved[name] === undefined) delete process.env[name];
		else process.env[name] = saved[name];
	}
});
afterAll(async () => admin?.close());

async function editHello(cookie: string): Promise<Response> {
	const page = await (await getWith(admin.site, '/admin/posts/hello-world', cookie)).text();
	return postForm(
		admin.site,
		'/admin/posts/hello-world',
		{
			title: 'Changed on a preview',
			body: 'Body',
			published: 'on',
			expectedUpdatedAt: versionOf(page),
		},
		cookie,
	);
}

describe('when the editor is on and may write', () => {
	it('is disabled without ADMIN_SECRET and says how to enable it', async () => {
		delete process.env.ADMIN_SECRET;
		const response = await admin.site.get('/admin');
		expect(response.status).toBe(503);
		expect(response.headers.get('cache-control')).toBe('no-store');
		const html = await response.text();
		expect(html).toContain('The editor is disabled: ADMIN_SECRET is not set');
		expect(html).toContain('at least 32 characters');
		expect(html).not.toContain('type="password"');
		const signIn = await postForm(admin.site, '/admin/sign-in', { secret: '' });
		expect(signIn.status).toBe(303);
	});

	it('is disabled with an ADMIN_SECRET shorter than 32 characters', async () => {
		process.env.ADMIN_SECRET = 'x'.repeat(31);
		const response = await admin.site.get('/admin');
		expect(response.status).toBe(503);
		expect(await response.text()).toContain('shorter than 32 characters');
		const attempt = await postForm(admin.site, '/admin/sign-in', { secret: 'x'.repeat(31) });
		expect(attempt.headers.getSetCookie()).toEqual([]);
	});

	it('is read-only on a preview deployment, and says why and how to allow writes', async () => {
		const cookie = await signIn(admin.site);
		process.env.VERCEL_ENV = 'preview';
		const list = await (await getWith(admin.site, '/admin', cookie)).text();
		expect(list).toContain('This preview deployment is read-only');
		expect(list).toContain('ADMIN_PREVIEW_WRITES=1');
		expect(list).not.toContain('href="/admin/new"');
		const response = await editHello(cookie);
		expect(response.status).toBe(403);
		const refused = await response.text();
		expect(refused).toContain('Nothing was saved: the editor is read-only');
		expect(refused).toContain('This preview deployment is read-only');
		expect(refused).toContain('value="Changed on a preview"');
		expect((await admin.db.store.get('hello-world'))?.title).toBe('Hello, world');
	});

	it('writes on a preview with ADMIN_PREVIEW_WRITES=1', async () => {
		const cookie = await signIn(admin.site);
		process.env.VERCEL_ENV = 'preview';
		process.env.ADMIN_PREVIEW_WRITES = '1';
		const response = await editHello(cookie);
		expect(response.status).toBe(200);
		expect((await admin.db.store.get('hello-world'))?.title).toBe('Changed on a preview');
	});

	it('is read-only over the bundled seed posts, keeps a refused new post as typed, and says how to connect a database', async () => {
		delete process.env.CONTENT_DATABASE_URL;
		const cookie = await signIn(admin.site);
		const list = await (await getWith(admin.site, '/admin', cookie)).text();
		expect(list).toContain('no database is connected');
		expect(list).toContain('TURSO_DATABASE_URL');
		expect(list).toContain('href="/admin/posts/hello-world"');
		const create = await postForm(
			admin.site,
			'/admin/new',
			{ slug: 'seeded', title: 'T', body: 'B' },
			cookie,
		);
		expect(create.status).toBe(403);
		const refused = await create.text();
		expect(refused).toContain('Nothing was saved');
		// What the person typed is kept.
		expect(refused).toContain('value="seeded"');
	});
});

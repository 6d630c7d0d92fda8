import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	getWith,
	postForm,
	resultLines,
	signIn,
	startAdminSite,
	versionOf,
	type AdminSite,
	type Fields,
} from './admin-support.ts';

const PAGES = ['/blog/hello-world', '/', '/blog', '/data.json'];

let admin: AdminSite;
let cookie: string;
beforeAll(async () => {
	admin = await startAdminSite();
	cookie = await signIn(admin.site);
});
afterAll(async () => admin?.close());

const get = (path: string) => getWith(admin.site, path, cookie);
const post = (path: string, fields: Fields) => postForm(admin.site, path, fields, cookie);
const host = () => new URL(admin.site.url).host;

async function editPage(slug: string): Promise<string> {
	const response = await get(`/admin/posts/${slug}`);
	expect(response.status).toBe(200);
	return response.text();
}

async function createPost(fields: Fields): Promise<Response> {
	return post('/admin/new', { body: 'Some **Markdown**.', ...fields });
}

describe('the post list', () => {
	it('lists every post, drafts included, each title linking to its editor, with a New post link', async () => {
		await createPost({ slug: 'listed-draft', title: 'A listed draft' });
		const html = await (await get('/admin')).text();
		for (const [slug, title] of [
			['hello-world', 'Hello, world'],
			['cache-headers', 'Deliberate cache headers'],
			['on-demand-revalidation', 'On-demand revalidation'],
			['listed-draft', 'A listed draft'],
		]) {
			expect(html).toContain(`<a href="/admin/posts/${slug}">${title}</a>`);
		}
		expect(html).toMatch(/<a href="\/admin\/new">New post<\/a>/);
	});
});

describe('saving a post', () => {
	it('saves, revalidates its four pages, and each then serves the new content as HIT', async () => {
		for (const path of PAGES) await (await admin.site.get(path)).text();
		const response = await post('/admin/posts/hello-world', {
			title: 'Hello, edited world',
			body: 'A *new* body.',
			published: 'on',
			expectedUpdatedAt: versionOf(await editPage('hello-world')),
		});
		expect(response.status).toBe(200);
		expect(resultLines(await response.text())).toEqual(
			PAGES.map((path) => `REVALIDATED ${path} on ${host()}`),
		);
		for (const path of PAGES) {
			const page = await admin.site.get(path);
			expect(page.headers.get('x-vercel-cache'), path).toBe('HIT');
			expect(await page.text(), path).toContain('Hello, edited world');
		}
		const article = await (await admin.site.get('/blog/hello-world')).text();
		expect(article).toContain('A <em>new</em> body.');
	});

	it('creates a new post that appears on its page and in every list', async () => {
		const response = await createPost({
			slug: 'brand-new',
			title: 'Brand new post',
			published: 'on',
		});
		expect(response.status).toBe(200);
		const html = await response.text();
		expect(html).toContain('Saved “Brand new post”.');
		expect(resultLines(html)).toEqual(
			['/blog/brand-new', '/', '/blog', '/data.json'].map(
				(path) => `REVALIDATED ${path} on ${host()}`,
			),
		);
		expect(await (await admin.site.get('/blog/brand-new')).text()).toContain('Brand new post');
		for (const path of ['/', '/blog', '/data.json']) {
			const page = await admin.site.get(path);
			expect(page.headers.get('x-vercel-cache')).toBe('HIT');
			expect(await page.text()).toContain('/blog/brand-new');
		}
	});

	it('says what to retry when a host cannot be revalidated, keeps the content, and retries', async () => {
		process.env.REVALIDATE_HOSTS = '127.0.0.1:9';
		let html: string;
		try {
			const response = await post('/admin/posts/cache-headers', {
				title: 'Saved despite a failed host',
				body: 'Body.',
				published: 'on',
				expectedUpdatedAt: versionOf(await editPage('cache-headers')),
			});
			expect(response.status).toBe(200);
			html = await response.text();
		} finally {
			delete process.env.REVALIDATE_HOSTS;
		}
		const lines = resultLines(html);
		expect(lines).toContain(`REVALIDATED /blog/cache-headers on ${host()}`);
		expect(lines).toContainEqual(
			expect.stringMatching(
				/^FAILED \/blog\/cache-headers on 127\.0\.0\.1:9 \(could not reach the host/,
			),
		);
		expect(html).toContain('The content is saved.');
		expect(html).toContain('<button type="submit">Retry revalidation</button>');
		expect((await admin.db.store.get('cache-headers'))?.title).toBe('Saved despite a failed host');

		const paths = [...html.matchAll(/name="path" value="([^"]+)"/g)].map((match) => match[1]!);
		expect(paths).toEqual(['/blog/cache-headers', '/', '/blog', '/data.json']);
		const retry = await post('/admin/revalidate', { path: paths });
		expect(retry.status).toBe(200);
		expect(resultLines(await retry.text())).toEqual(
			paths.map((path) => `REVALIDATED ${path} on ${host()}`),
		);
	});

	it('retries only paths of pages that show posts', async () => {
		for (const path of ['/isr', '/api/revalidate', 'https://evil.example/', '/blog/Bad Slug']) {
			const response = await post('/admin/revalidate', { path });
			expect(response.status, path).toBe(400);
			expect(await response.text()).toContain('Path: only the pages that show posts');
		}
	});
});

describe('refused forms save nothing and keep what was typed', () => {
	const badNewPosts: [string, Fields, string][] = [
		['a missing slug', { slug: '', title: 'T' }, 'Slug is required.'],
		['an uppercase slug', { slug: 'Bad-Slug', title: 'T' }, 'Slug may contain only lowercase'],
		['a slug over 80 characters', { slug: 'a'.repeat(81), title: 'T' }, 'Slug must be at most 80'],
		['a missing title', { slug: 'no-title', title: '  ' }, 'Title is required.'],
		['a two-line title', { slug: 'two-lines', title: 'One\nTwo' }, 'Title must be one line'],
		['an empty body', { slug: 'no-body', title: 'T', body: '' }, 'Body is required.'],
		[
			'a body over 100 KB',
			{ slug: 'too-long', title: 'T', body: 'x'.repeat(100 * 1024 + 1) },
			'Body must be at most 100 KB',
		],
		[
			'a bad Published value',
			{ slug: 'odd-published', title: 'T', published: 'yes' },
			'Published must be checked',
		],
	];

	it.each(badNewPosts)('refuses a new post with %s', async (_, fields, message) => {
		const before = (await admin.db.store.listAll()).length;
		const response = await createPost(fields);
		expect(response.status).toBe(422);
		const html = await response.text();
		expect(html).toContain(message);
		expect(html).toContain('Nothing was saved');
		if (fields.slug !== '') expect(html).toContain(`value="${fields.slug as string}"`);
		expect((await admin.db.store.listAll()).length).toBe(before);
	});

	it('keeps every typed field of a refused new post', async () => {
		const response = await createPost({
			slug: 'Kept Slug',
			title: 'Kept <title> & "quotes"',
			body: 'Kept body\nline two',
			published: 'on',
		});
		const html = await response.text();
		expect(html).toContain('value="Kept Slug"');
		expect(html).toContain('value="Kept <title> &amp; &quot;quotes&quot;"');
		expect(html).toContain('>Kept body\nline two</textarea>');
		expect(html).toMatch(/name="published" checked/);
	});

	it.each([
		['a missing title', { title: '' }, 'Title is required.'],
		['an empty body', { body: ' ' }, 'Body is required.'],
		['a body over 100 KB', { body: '€'.repeat(34_134) }, 'Body must be at most 100 KB'],
		['a damaged version', { expectedUpdatedAt: 'yesterday' }, 'hidden field updatedAt'],
	])('refuses an edit with %s', async (_, change, message) => {
		const stored = await admin.db.store.get('on-demand-revalidation');
		const response = await post('/admin/posts/on-demand-revalidation', {
			title: 'Typed title',
			body: 'Typed body',
			expectedUpdatedAt: stored!.updatedAt.toISOString(),
			...change,
		});
		expect(response.status).toBe(422);
		const html = await response.text();
		expect(html).toContain(message);
		if (!('title' in change)) expect(html).toContain('value="Typed title"');
		expect(await admin.db.store.get('on-demand-revalidation')).toEqual(stored);
	});

	it('refuses a form over 1 MiB before reading it', async () => {
		// The refused body is not read, so the runtime closes that connection: not one to reuse.
		const response = await postForm(
			admin.site,
			'/admin/new',
			{ slug: 'huge', title: 'T', body: 'x'.repeat(1024 * 1024) },
			cookie,
			{ connection: 'close' },
		);
		expect(response.status).toBe(413);
		expect(await admin.db.store.get('huge')).toBeUndefined();
	});

	it('changes nothing for a post without a session (401) and sends a signed-out GET to /admin', async () => {
		const response = await postForm(admin.site, '/admin/new', {
			slug: 'no-session',
			title: 'T',
			body: 'B',
		});
		expect(response.status).toBe(401);
		expect(await admin.db.store.get('no-session')).toBeUndefined();
		for (const path of ['/admin/new', '/admin/posts/hello-world', '/admin/preview/hello-world']) {
			const page = await admin.site.get(path);
			expect(page.status, path).toBe(303);
			expect(page.headers.get('location')).toBe('/admin');
		}
	});
});

describe('two editors', () => {
	it('refuses a save based on an older version with 409, showing both versions', async () => {
		const opened = versionOf(await editPage('on-demand-revalidation'));
		const theirs = await post('/admin/posts/on-demand-revalidation', {
			title: 'Their title',
			body: 'Their body',
			published: 'on',
			expectedUpdatedAt: opened,
		});
		expect(theirs.status).toBe(200);
		const mine = await post('/admin/posts/on-demand-revalidation', {
			title: 'My title',
			body: 'My body',
			published: 'on',
			expectedUpdatedAt: opened,
		});
		expect(mine.status).toBe(409);
		const html = await mine.text();
		expect(html).toContain('someone else saved this post after you opened it');
		expect(html).toContain('Your version (not saved)');
		expect(html).toContain('Stored version');
		expect(html).toContain('<pre>My body</pre>');
		expect(html).toContain('<pre>Their body</pre>');
		expect(html).toContain('value="My title"');
		expect((await admin.db.store.get('on-demand-revalidation'))?.title).toBe('Their title');
		// The form is now based on the stored version: saving again is a deliberate overwrite.
		const stored = await admin.db.store.get('on-demand-revalidation');
		expect(versionOf(html)).toBe(stored!.updatedAt.toISOString());
	});

	it('gives the second of two new posts with one slug a Slug field error', async () => {
		const [first, second] = [
			await createPost({ slug: 'same-slug', title: 'First' }),
			await createPost({ slug: 'same-slug', title: 'Second' }),
		];
		expect(first.status).toBe(200);
		expect(second.status).toBe(409);
		const html = await second.text();
		expect(html).toContain('Slug &quot;same-slug&quot; is already taken by another post');
		expect(html).toContain('value="Second"');
		expect((await admin.db.store.get('same-slug'))?.title).toBe('First');
	});

	it('gives one of two concurrent new posts with one slug a Slug field error', async () => {
		const responses = await Promise.all([
			createPost({ slug: 'racing-slug', title: 'Racer A' }),
			createPost({ slug: 'racing-slug', title: 'Racer B' }),
		]);
		expect(responses.map((response) => response.status).sort()).toEqual([200, 409]);
		const loser = responses.find((response) => response.status === 409)!;
		expect(await loser.text()).toContain('Slug &quot;racing-slug&quot; is already taken');
	});
});

describe('deleting a post', () => {
	it('asks for confirmation first, then deletes: its page answers 404 and no list shows it', async () => {
		await createPost({ slug: 'doomed', title: 'Doomed post', published: 'on' });
		const confirm = await get('/admin/posts/doomed/delete');
		expect(confirm.status).toBe(200);
		const html = await confirm.text();
		expect(html).toContain('Delete “Doomed post”?');
		expect(html).toContain('<button type="submit">Delete post</button>');
		expect(await admin.db.store.get('doomed')).toBeDefined();

		const response = await post('/admin/posts/doomed/delete', {
			expectedUpdatedAt: versionOf(html),
		});
		expect(response.status).toBe(200);
		const done = await response.text();
		expect(done).toContain('The post is deleted.');
		expect(resultLines(done)).toEqual(
			['/blog/doomed', '/', '/blog', '/data.json'].map(
				(path) => `REVALIDATED ${path} on ${host()}`,
			),
		);
		expect(await admin.db.store.get('doomed')).toBeUndefined();
		expect((await admin.site.get('/blog/doomed')).status).toBe(404);
		for (const path of ['/', '/blog', '/data.json']) {
			expect(await (await admin.site.get(path)).text()).not.toContain('/blog/doomed');
		}
	});

	it('refuses a delete with a missing or damaged version (422) and keeps the post', async () => {
		await createPost({ slug: 'kept-on-bad-delete', title: 'Kept', published: 'on' });
		const damaged: Fields[] = [{}, { expectedUpdatedAt: 'not-a-date' }];
		for (const fields of damaged) {
			const response = await post('/admin/posts/kept-on-bad-delete/delete', fields);
			expect(response.status).toBe(422);
			expect(await response.text()).toContain('hidden field updatedAt');
		}
		expect(await admin.db.store.get('kept-on-bad-delete')).toBeDefined();
	});

	it('refuses to delete a version newer than the one confirmed (409) and keeps the post', async () => {
		await createPost({ slug: 'edited-meanwhile', title: 'Before', published: 'on' });
		const confirmed = versionOf(await (await get('/admin/posts/edited-meanwhile/delete')).text());
		await post('/admin/posts/edited-meanwhile', {
			title: 'After',
			body: 'B',
			published: 'on',
			expectedUpdatedAt: versionOf(await editPage('edited-meanwhile')),
		});
		const response = await post('/admin/posts/edited-meanwhile/delete', {
			expectedUpdatedAt: confirmed,
		});
		expect(response.status).toBe(409);
		expect(await response.text()).toContain('Stored version');
		expect((await admin.db.store.get('edited-meanwhile'))?.title).toBe('After');
	});
});

describe('drafts and preview', () => {
	it('keeps a draft off the public site and shows it signed in under a Draft preview banner', async () => {
		const saved = await createPost({
			slug: 'secret-draft',
			title: 'A secret draft',
			body: '# Draft heading',
		});
		expect(await saved.text()).toContain('No public page shows this post');
		expect((await admin.site.get('/blog/secret-draft')).status).toBe(404);
		for (const path of ['/', '/blog', '/data.json']) {
			expect(await (await admin.site.get(path)).text()).not.toContain('secret-draft');
		}
		const edit = await editPage('secret-draft');
		expect(edit).toContain('<a href="/admin/preview/secret-draft">Preview</a>');

		const preview = await get('/admin/preview/secret-draft');
		expect(preview.status).toBe(200);
		expect(preview.headers.get('cache-control')).toBe('no-store');
		const html = await preview.text();
		expect(html).toMatch(/<strong[^>]*>Draft preview<\/strong>/);
		expect(html).toContain('<h1>Draft heading</h1>');
		expect(html).toContain('A secret draft');
		expect(preview.headers.getSetCookie().join()).not.toContain('__prerender_bypass');
	});

	it('refuses the preview signed out, and with a forged session', async () => {
		const signedOut = await admin.site.get('/admin/preview/secret-draft');
		expect(signedOut.status).toBe(303);
		const forged = await admin.site.get('/admin/preview/secret-draft', {
			headers: { cookie: `admin_session=v1.${Date.now() + 60_000}.${'A'.repeat(43)}` },
		});
		expect(forged.status).toBe(303);
		expect(await forged.text()).not.toContain('A secret draft');
	});

	it('answers 404 for the preview of a post that does not exist', async () => {
		expect((await get('/admin/preview/no-such-post')).status).toBe(404);
		expect((await get('/admin/posts/no-such-post')).status).toBe(404);
	});

	it('publishes a draft: its page then answers 200 and the lists show it', async () => {
		const response = await post('/admin/posts/secret-draft', {
			title: 'A secret draft',
			body: '# Draft heading',
			published: 'on',
			expectedUpdatedAt: versionOf(await editPage('secret-draft')),
		});
		// The post, the lists, and the pages of /blog the posts of this store fill (src/revalidate/tags.ts).
		const paths = resultLines(await response.text()).map((line) => line.split(' ')[1]);
		expect(paths.slice(0, 4)).toEqual(['/blog/secret-draft', '/', '/blog', '/data.json']);
		for (const path of paths.slice(4)) expect(path).toMatch(/^\/blog\?page=\d+$/);
		const page = await admin.site.get('/blog/secret-draft');
		expect(page.status).toBe(200);
		expect(page.headers.get('x-vercel-cache')).toBe('HIT');
		expect(await (await admin.site.get('/blog')).text()).toContain('A secret draft');
	});
});

describe('ready for a strict Content-Security-Policy', () => {
	it('serves admin pages without scripts, inline event handlers or resources from another origin', async () => {
		await createPost({ slug: 'csp-check', title: 'CSP check' });
		const pages = [
			'/admin',
			'/admin/new',
			'/admin/posts/csp-check',
			'/admin/posts/csp-check/delete',
			'/admin/preview/csp-check',
		];
		for (const path of pages) {
			const html = await (await get(path)).text();
			expect(html, path).not.toMatch(/<script/i);
			expect(html, path).not.toMatch(/\son[a-z]+=/i);
			expect(html, path).not.toMatch(/(src|href|action)="(https?:)?\/\//i);
		}
		const signedOut = await (await admin.site.get('/admin')).text();
		expect(signedOut).not.toMatch(/<script|\son[a-z]+=/i);
	});
});

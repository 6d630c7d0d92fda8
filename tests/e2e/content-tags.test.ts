import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { read, startContentSite, type ContentSite } from './content-support.ts';

let content: ContentSite;
beforeAll(async () => {
	content = await startContentSite();
});
afterAll(() => content?.close());

const publicPost = (body: object) =>
	content.site.get('/api/revalidate', {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			origin: content.site.url,
			'sec-fetch-site': 'same-origin',
		},
		body: JSON.stringify(body),
	});

describe('tags through POST /api/revalidate on the real build', () => {
	it('regenerates exactly the pages a tag names', async () => {
		await read(content.site, '/blog/hello-world');
		const { status, body } = await content.revalidate({ tags: ['post:hello-world'] });
		expect(status).toBe(200);
		expect(body.results?.map((result) => [result.path, result.status])).toEqual([
			['/blog/hello-world', 'REVALIDATED'],
		]);
	});

	it('refuses tags from a caller without the secret, even from the site itself', async () => {
		const response = await publicPost({ paths: ['/'], tags: ['posts'] });
		expect(response.status).toBe(401);
		expect(((await response.json()) as { message: string }).message).toContain('secret');
	});

	it.each([
		[{ tags: ['post:hello-world\r\nx-injected: 1'] }, 'invalid_tag'],
		[{ tags: ['post:hello-world\u0000'] }, 'invalid_tag'],
		[{ tags: ['post:../../admin'] }, 'invalid_tag'],
		[{ tags: ['post:%2e%2e'] }, 'invalid_tag'],
		[{ tags: ['post://evil.example'] }, 'invalid_tag'],
		[{ tags: ['posts,post:x'] }, 'invalid_tag'],
		[{ tags: [`post:${'a'.repeat(257)}`] }, 'invalid_tag'],
		[{ tags: Array.from({ length: 65 }, () => 'posts') }, 'invalid_body'],
		[{ tags: Array.from({ length: 51 }, (_, index) => `post:p${index}`) }, 'invalid_body'],
		[{ tags: { 0: 'posts' } }, 'invalid_body'],
		[{ paths: ['/api/revalidate'], tags: ['posts'] }, 'invalid_path'],
	])('refuses %j with 400 %s and regenerates nothing', async (request, error) => {
		const before = (await read(content.site, '/blog')).body;
		const { status, body } = await content.revalidate(request);
		expect(status).toBe(400);
		expect(body.error).toBe(error);
		expect(body.message).not.toContain('evil');
		expect((await read(content.site, '/blog')).body).toBe(before);
	});
});

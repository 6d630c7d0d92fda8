import { describe, expect, it } from 'vitest';
import isr, { isrRoutes } from 'virtual:isr-config';
import { handleRevalidate, type RevalidateEnv } from '../../../src/revalidate/handler.ts';
import { MAX_PATHS } from '../../../src/revalidate/paths.ts';
import { checkTaggedFanOut } from '../../../src/revalidate/tag-request.ts';
import { MAX_TAGS } from '../../../src/revalidate/tags.ts';
import { createSiteRuntime } from './site-runtime.ts';

const SECRET = 'revalidate-secret-0123456789abcdef0123';
const TOKEN = 'bypass-token-0123456789abcdef0123456789';
const SITE = 'http://localhost:4321';
const ENV: RevalidateEnv = { VERCEL: '1', VERCEL_URL: 'localhost:4321', REVALIDATE_SECRET: SECRET };

async function setup(env: RevalidateEnv = ENV) {
	const now = Date.parse('2026-11-22T12:00:00.000Z');
	const site = await createSiteRuntime({ bypassToken: TOKEN, now });
	const logs: string[] = [];
	const call = async (body: unknown, headers: Record<string, string> = bearer) => {
		const request = new Request(`${SITE}/api/revalidate`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...headers },
			body: typeof body === 'string' ? body : JSON.stringify(body),
		});
		const response = await handleRevalidate(request, new URL(request.url), {
			config: { ...isr, bypassToken: TOKEN },
			isrRoutes,
			env,
			fetch: site.fetch,
			now: () => now,
			log: (line) => logs.push(line),
		});
		return { response, body: (await response.json()) as Record<string, unknown> };
	};
	const revalidated = () =>
		site.requests
			.filter((request) => request.headers.has('x-prerender-revalidate'))
			.map((request) => new URL(request.url).pathname);
	return { call, revalidated, logs };
}

const bearer = { authorization: `Bearer ${SECRET}` };
const sameOrigin = { origin: SITE, 'sec-fetch-site': 'same-origin' };
const resultPaths = (body: Record<string, unknown>) =>
	(body.results as { path: string; status: string }[]).map((result) => result.path);

describe('POST /api/revalidate with tags', () => {
	it('resolves post:<slug> to the post and posts to every list, and revalidates each', async () => {
		const { call, revalidated, logs } = await setup();
		const { response, body } = await call({ tags: ['post:hello-world', 'posts'] });
		expect(response.status).toBe(200);
		expect(resultPaths(body)).toEqual(['/blog/hello-world', '/', '/blog', '/data.json']);
		expect(body.results).toEqual(
			expect.arrayContaining([expect.objectContaining({ status: 'REVALIDATED' })]),
		);
		expect(revalidated()).toEqual(['/blog/hello-world', '/', '/blog', '/data.json']);
		expect(logs[0]).toContain('"tags":["post:hello-world","posts"]');
	});

	it('takes tags together with paths, without revalidating a path twice', async () => {
		const { call, revalidated } = await setup();
		const { response, body } = await call({ paths: ['/isr', '/blog'], tags: ['posts'] });
		expect(response.status).toBe(200);
		expect(resultPaths(body)).toEqual(['/isr', '/blog', '/', '/data.json']);
		expect(revalidated()).toHaveLength(4);
	});

	it('needs the secret: the public button stays path-only', async () => {
		const { call, revalidated } = await setup();
		const { response, body } = await call({ tags: ['posts'] }, sameOrigin);
		expect(response.status).toBe(401);
		expect(body.message).toContain('secret');
		expect(revalidated()).toEqual([]);
	});

	it('refuses a wrong secret', async () => {
		const { call } = await setup();
		const { response } = await call({ tags: ['posts'] }, { authorization: 'Bearer wrong' });
		expect(response.status).toBe(401);
	});

	it.each([
		[{ tags: 'posts' }, 'invalid_body', /"tags" must be an array/],
		[{ tags: [] }, 'invalid_body', /"tags" is empty/],
		[{ tags: Array.from({ length: MAX_TAGS + 1 }, () => 'posts') }, 'invalid_body', /at most 64/],
		[{ tags: [7] }, 'invalid_tag', /tags\[0\] must be a string/],
		[{ tags: [''] }, 'invalid_tag', /tags\[0\] is empty/],
		[{ tags: ['posts', 'a,b'] }, 'invalid_tag', /tags\[1\] contains a comma/],
		[{ tags: ['post:x\r\nSet-Cookie: a=b'] }, 'invalid_tag', /control character/],
		[{ tags: ['post:x\u0000'] }, 'invalid_tag', /control character/],
		[{ tags: [`post:${'x'.repeat(300)}`] }, 'invalid_tag', /longer than 256 bytes/],
		[{ tags: ['post:../../etc/passwd'] }, 'invalid_tag', /shown by no page/],
		[{ tags: ['post:%2e%2e'] }, 'invalid_tag', /shown by no page/],
		[{ tags: ['post:Hello'] }, 'invalid_tag', /shown by no page/],
		[{ tags: ['post:a/b'] }, 'invalid_tag', /shown by no page/],
		[{ tags: ['post:http://evil.example'] }, 'invalid_tag', /shown by no page/],
		[{ tags: ['unknown'] }, 'invalid_tag', /shown by no page/],
		[{ paths: ['//evil.example'], tags: ['posts'] }, 'invalid_path', /single "\/"/],
	])('refuses %j with 400 %s', async (requestBody, error, message) => {
		const { call, revalidated } = await setup();
		const { response, body } = await call(requestBody);
		expect(response.status).toBe(400);
		expect(body.error).toBe(error);
		expect(body.message).toMatch(message);
		expect(revalidated()).toEqual([]);
	});

	it(`refuses tags that resolve to more than ${MAX_PATHS} renders with a clear 400`, async () => {
		const { call, revalidated } = await setup();
		const tags = Array.from({ length: MAX_PATHS + 1 }, (_, index) => `post:p${index}`);
		const { response, body } = await call({ tags });
		expect(response.status).toBe(400);
		expect(body.message).toContain('51 paths on 1 hosts (51 renders)');
		expect(revalidated()).toEqual([]);
		const fits = await call({ tags: tags.slice(0, MAX_PATHS) });
		expect(fits.response.status).toBe(200);
		expect(revalidated()).toHaveLength(MAX_PATHS);
	});
});

describe('checkTaggedFanOut', () => {
	const host = (name: string) => ({ origin: `https://${name}`, host: name });
	const hosts = [host('a.example'), host('b.example'), host('c.example')];
	const paths = (count: number) => Array.from({ length: count }, (_, index) => `/blog/p${index}`);

	it('counts every path on every host', () => {
		expect(() => checkTaggedFanOut(paths(16), hosts)).not.toThrow();
		expect(() => checkTaggedFanOut(paths(17), hosts)).toThrow(
			'17 paths on 3 hosts (51 renders); at most 50',
		);
	});
});

import { describe, expect, it } from 'vitest';
import { revalidateContentPaths } from '../../../src/revalidate/revalidate-change.ts';
import { createSiteRuntime } from '../revalidate/site-runtime.ts';

const TOKEN = 'bypass-token-0123456789abcdef0123456789';
const NOW = Date.parse('2026-12-01T09:00:00.000Z');

describe('revalidateContentPaths', () => {
	it('revalidates each path on the request host with the bypass token', async () => {
		const site = await createSiteRuntime({ bypassToken: TOKEN, now: NOW });
		const results = await revalidateContentPaths(['/blog/a', '/'], {
			url: new URL('http://localhost:4321/admin/posts/a'),
			env: { VERCEL: '1', VERCEL_URL: 'localhost:4321' },
			bypassToken: TOKEN,
			fetch: site.fetch,
		});
		expect(results.map((result) => [result.path, result.host, result.status])).toEqual([
			['/blog/a', 'localhost:4321', 'REVALIDATED'],
			['/', 'localhost:4321', 'REVALIDATED'],
		]);
		expect(
			site.requests.every((request) => request.headers.get('x-prerender-revalidate') === TOKEN),
		).toBe(true);
	});

	it('sends nothing for no paths', async () => {
		const site = await createSiteRuntime({ bypassToken: TOKEN, now: NOW });
		const deps = {
			url: new URL('http://localhost:4321/'),
			env: {},
			bypassToken: TOKEN,
			fetch: site.fetch,
		};
		expect(await revalidateContentPaths([], deps)).toEqual([]);
		expect(site.requests).toEqual([]);
	});

	it('fails every path, sending no token, when the request arrived on a host that is not ours', async () => {
		const site = await createSiteRuntime({ bypassToken: TOKEN, now: NOW });
		const results = await revalidateContentPaths(['/blog/a', '/'], {
			url: new URL('https://evil.example/admin'),
			env: { VERCEL: '1', VERCEL_URL: 'site.vercel.app', VERCEL_ENV: 'production' },
			bypassToken: TOKEN,
			fetch: site.fetch,
		});
		expect(results.map((result) => [result.path, result.status])).toEqual([
			['/blog/a', 'FAILED'],
			['/', 'FAILED'],
		]);
		expect(results[0]).toMatchObject({ reason: expect.stringContaining('REVALIDATE_HOSTS') });
		expect(site.requests).toEqual([]);
	});
});

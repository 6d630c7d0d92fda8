import { describe, expect, it } from 'vitest';
import { get, rawGet } from './http.ts';

// Issue 8: what one visitor sends must not shape or break what everyone is served.
describe("Astro's internal headers from a visitor", () => {
	it.each([
		['x-astro-locals', '1'],
		['x-astro-locals', '{"user":"admin"}'],
		['x-astro-path', '/ssr'],
		['x-astro-middleware-secret', 'guess'],
	])('do not change what /isr serves: %s: %s', async (name, value) => {
		const response = await get('/isr', { headers: { [name]: value } });
		expect(response.status).toBe(200);
		expect(await response.text()).toContain('<h1>ISR page</h1>');
	});
});

describe('encoded separators and dot segments', () => {
	it.each([
		'/blog/..%2Fssr',
		'/blog/%2e%2e%2fisr',
		'/blog/..%2F',
		'/blog/..%5Cssr',
		'/blog/x%2F..%2F..%2Fssr',
	])('%s gets an uncacheable 400, every time', async (requestTarget) => {
		for (let attempt = 0; attempt < 2; attempt++) {
			const response = await rawGet(requestTarget);
			expect(response.status).toBe(400);
			expect(response.headers['x-vercel-cache']).not.toBe('HIT');
			expect(response.body).not.toContain('<h1>');
		}
	});

	it.each([
		'/SSR',
		'/ssr/',
		'//ssr',
		'/%73sr',
		'/blog/../ssr',
		'/blog/%2e%2e/ssr',
		'/blog/..%2Fssr',
		'/blog/%2E%2E%2Fssr',
		'/blog/..\\ssr',
		'/blog//ssr',
		'/blog/%252e%252e%252fssr',
	])('%s never serves a cached copy of /ssr', async (requestTarget) => {
		await rawGet(requestTarget);
		const again = await rawGet(requestTarget);
		expect(again.headers['x-vercel-cache'] === 'HIT' && again.body.includes('SSR page')).toBe(
			false,
		);
	});
});

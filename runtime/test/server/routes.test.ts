import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, TRANSPORTS, type Client } from '../support/clients.ts';
import { fixture } from '../support/fixtures.ts';

describe.each(TRANSPORTS)('routes fixture (%s)', (transport) => {
	let client: Client;
	beforeAll(async () => {
		client = await createClient(transport, { outputDir: fixture('routes') });
	});
	afterAll(() => client.close());

	it('redirects with the status and Location of the matched route', async () => {
		const response = await client.fetch('/old');
		expect(response.status).toBe(301);
		expect(response.headers.get('location')).toBe('/new');
	});

	it('redirects a trailing slash with 308 and then serves the directory index', async () => {
		const redirect = await client.fetch('/docs/');
		expect(redirect.status).toBe(308);
		expect(redirect.headers.get('location')).toBe('/docs');
		const page = await client.fetch('/docs');
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('<title>Docs</title>');
	});

	it('serves /new.html but not /new, as there is no override for it', async () => {
		expect((await client.fetch('/new.html')).status).toBe(200);
		const missing = await client.fetch('/new');
		expect(missing.status).toBe(404);
		expect(missing.headers.get('x-vercel-error')).toBe('NOT_FOUND');
		expect(await missing.text()).toBe('404: NOT_FOUND\nCode: NOT_FOUND\n');
	});

	it('serves static files with their content type, x-vercel-cache HIT, and route headers', async () => {
		const response = await client.fetch('/assets/app.js');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
		expect(response.headers.get('x-vercel-cache')).toBe('HIT');
		expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
		expect(response.headers.get('x-asset')).toBe('app.js');
		expect(await response.text()).toBe('console.log("app");\n');
	});

	it('gives other static files the platform default cache-control', async () => {
		const response = await client.fetch('/');
		expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(response.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
	});

	it('rewrites on a cookie and uses its named group in dest; the function sees the original path', async () => {
		const response = await client.fetch('/beta', { headers: { cookie: 'beta=yes' } });
		expect(await response.json()).toEqual({
			method: 'GET',
			path: '/beta',
			query: { flag: 'yes' },
			body: null,
		});
		expect((await client.fetch('/beta', { headers: { cookie: 'beta=no' } })).status).toBe(404);
	});

	it('rewrites on a header unless a missing condition is present', async () => {
		const headers = { 'accept-language': 'fr-CH, fr;q=0.9' };
		expect(await (await client.fetch('/lang', { headers })).json()).toMatchObject({
			query: { lang: 'fr' },
		});
		expect((await client.fetch('/lang?nolang=1', { headers })).status).toBe(404);
	});

	it('matches a methods route only for its method and streams the request body to the function', async () => {
		const response = await client.fetch('/submit', { method: 'POST', body: 'hello' });
		expect(await response.json()).toMatchObject({ method: 'POST', path: '/submit', body: 'hello' });
		expect((await client.fetch('/submit')).status).toBe(404);
	});

	it('merges the dest query with the request query, the dest winning', async () => {
		const response = await client.fetch('/query?from=request&extra=request');
		expect(await response.json()).toMatchObject({
			query: { from: 'dest', only: 'dest', extra: 'request' },
		});
	});

	it('deletes the request headers a transforms route names before the function sees them', async () => {
		const headers = {
			'x-astro-locals': '1',
			'X-Astro-Path': '/ssr',
			'x-astro-middleware-secret': 'guess',
			'x-kept': 'yes',
		};
		const { headers: received } = (await (await client.fetch('/headers', { headers })).json()) as {
			headers: Record<string, string>;
		};
		expect(received['x-kept']).toBe('yes');
		expect(Object.keys(received).filter((name) => name.startsWith('x-astro-'))).toEqual([]);
	});

	it('applies request header, path and response header transforms with the route captures', async () => {
		const response = await client.fetch('/transformed/abc');
		expect(await response.json()).toMatchObject({
			path: '/seen/abc',
			headers: { 'x-page': 'abc' },
		});
		expect(response.headers.get('x-owner')).toBe('function, route');
		expect(response.headers.has('x-internal')).toBe(false);
	});

	it('forces the route status and adds route headers, the function keeping its own', async () => {
		const response = await client.fetch('/teapot');
		expect(response.status).toBe(418);
		expect(response.headers.get('x-owner')).toBe('function');
		expect(response.headers.get('x-route')).toBe('teapot');
	});
});

describe('routes fixture host conditions', () => {
	it('redirects requests for the old host to the new domain', async () => {
		const client = await createClient('in-process', { outputDir: fixture('routes') });
		const response = await client.runtime.handle(new Request('http://old.example.test/docs'));
		expect(response.status).toBe(307);
		expect(response.headers.get('location')).toBe('https://example.com/docs');
		await client.close();
	});
});

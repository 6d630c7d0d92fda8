import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, TRANSPORTS, type Client } from '../support/clients.ts';
import { fixture } from '../support/fixtures.ts';

interface Rendered {
	readonly page: string;
	readonly query: Record<string, string>;
	readonly functionPath: string;
	readonly routeMatches: string | null;
	readonly renders: number;
}

// An output folder shaped like Nitro's `vercel` preset (nitrojs/nitro src/presets/vercel/utils.ts).
describe.each(TRANSPORTS)('Nitro-shaped output (%s)', (transport) => {
	let client: Client;
	beforeAll(async () => {
		client = await createClient(transport, { outputDir: fixture('nitro') });
	});
	afterAll(() => client.close());

	const get = async (path: string, init?: RequestInit) => {
		const response = await client.fetch(path, init);
		return { response, body: (await response.json()) as Rendered };
	};

	it('renders an ISR route page, not a 404, and serves it MISS then HIT', async () => {
		const first = await get('/blog/hello');
		expect(first.response.status).toBe(200);
		expect(first.response.headers.get('x-vercel-cache')).toBe('MISS');
		expect(first.body).toMatchObject({ page: '/blog/hello', functionPath: '/blog/[...]-isr' });
		const second = await get('/blog/hello');
		expect(second.response.headers.get('x-vercel-cache')).toBe('HIT');
		expect(second.body.renders).toBe(first.body.renders);
	});

	it('keeps one entry per page of an ISR route', async () => {
		const one = await get('/blog/one');
		const two = await get('/blog/two');
		expect([one.body.page, two.body.page]).toEqual(['/blog/one', '/blog/two']);
		expect(one.body.renders).not.toBe(two.body.renders);
		expect((await get('/blog/one')).response.headers.get('x-vercel-cache')).toBe('HIT');
	});

	it('sends the route captures in x-now-route-matches when passQuery is off', async () => {
		const { body } = await get('/blog/captured');
		expect(new URLSearchParams(body.routeMatches ?? '').get('__isr_route')).toBe('/blog/captured');
		expect(body.query).toEqual({});
	});

	it('routes / alone to the index ISR function, and other pages to the server function', async () => {
		expect((await get('/')).body).toMatchObject({ page: '/', functionPath: '/index-isr' });
		const api = await get('/api/hello');
		expect(api.body).toMatchObject({ page: '/api/hello', functionPath: '/api/hello' });
		expect(api.response.headers.get('x-vercel-cache')).toBe('MISS');
	});

	it('passes the allowed query and no x-now-route-matches with passQuery', async () => {
		const { body } = await get('/products/shoe?q=red&utm=x');
		expect(body).toMatchObject({ page: '/products/shoe', query: { q: 'red' }, routeMatches: null });
	});

	it('ignores an x-now-route-matches a visitor sends', async () => {
		const headers = { 'x-now-route-matches': '__isr_route=%2Fproducts%2Fforged' };
		const forged = await get('/products/real', { headers });
		expect(forged.body).toMatchObject({ page: '/products/real', routeMatches: null });
		const api = await get('/api/hello', { headers });
		expect(api.body.routeMatches).toBeNull();
	});

	it('keeps the immutable header on its assets', async () => {
		const response = await client.fetch('/_nuxt/entry.Dk3s.js');
		expect(response.headers.get('cache-control')).toBe('public,max-age=31536000,immutable');
	});
});

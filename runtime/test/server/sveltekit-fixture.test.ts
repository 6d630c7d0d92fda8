import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, TRANSPORTS, type Client } from '../support/clients.ts';
import { fixture } from '../support/fixtures.ts';

interface Rendered {
	readonly page: string;
	readonly data: boolean;
	readonly functionPath: string;
	readonly query: Record<string, string>;
	readonly renders: number;
}

// An output folder shaped like @sveltejs/adapter-vercel 6.3's (sveltejs/kit packages/adapter-vercel/index.js).
describe.each(TRANSPORTS)('SvelteKit-shaped output (%s)', (transport) => {
	let client: Client;
	beforeAll(async () => {
		client = await createClient(transport, { outputDir: fixture('sveltekit') });
	});
	afterAll(() => client.close());

	const get = async (path: string) => {
		const response = await client.fetch(path);
		return { response, body: (await response.json()) as Rendered };
	};

	it('renders an ISR page once, MISS then HIT, through its symlinked function', async () => {
		const first = await get('/blog/first-post');
		expect(first.response.headers.get('x-vercel-cache')).toBe('MISS');
		// A prerender function sees its output path; SvelteKit reads the page from __pathname.
		expect(first.body).toMatchObject({ page: '/blog/first-post', functionPath: '/blog/[slug]' });
		const second = await get('/blog/first-post');
		expect(second.response.headers.get('x-vercel-cache')).toBe('HIT');
		expect(second.body.renders).toBe(first.body.renders);
	});

	it('keeps one entry per page, and one for its __data.json', async () => {
		const page = await get('/blog/second-post');
		const data = await get('/blog/second-post/__data.json');
		const other = await get('/blog/third-post');
		expect(data.response.headers.get('x-vercel-cache')).toBe('MISS');
		expect(data.body).toMatchObject({ page: '/blog/second-post', data: true });
		expect(other.body.page).toBe('/blog/third-post');
		expect(new Set([page, data, other].map(({ body }) => body.renders)).size).toBe(3);
	});

	it('does not let a visitor __pathname choose what an ISR route renders or stores', async () => {
		const attacked = await get('/?__pathname=/admin');
		expect(attacked.body.page).toBe('/');
		const plain = await get('/');
		expect(plain.response.headers.get('x-vercel-cache')).toBe('HIT');
		expect(plain.body).toEqual(attacked.body);
	});

	it('does not let a visitor __pathname choose what a directly addressed ISR output renders', async () => {
		const direct = await get('/blog/%5Bslug%5D?__pathname=/admin');
		expect(direct.body).toMatchObject({ page: '/blog/[slug]', query: {} });
	});

	it('serves an immutable asset with the year-long header', async () => {
		const response = await client.fetch('/_app/immutable/app.B3x9.js');
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe('public, immutable, max-age=31536000');
	});

	it('answers a missing immutable asset 404 with no-store, not the year-long header', async () => {
		const response = await client.fetch('/_app/immutable/gone.js');
		expect(response.status).toBe(404);
		expect(response.headers.get('cache-control')).toBe('no-store');
	});

	it('serves a page without ISR from the catch-all function, uncached', async () => {
		const about = await get('/about');
		expect(about.body).toMatchObject({ page: '/about', functionPath: '/about' });
		expect(about.response.headers.get('x-vercel-cache')).toBe('MISS');
		const missing = await get('/nowhere');
		expect(missing.response.status).toBe(404);
	});
});

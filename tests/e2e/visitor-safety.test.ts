import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { build, rawGet, snapshot, startSite, type Site } from './support.ts';

// Reproductions from issue 8 that need the runtime's clock or render count; the HTTP-only ones
// are in tests/platform/visitor-safety.test.ts.
let site: Site;
let isrPaths: string[];
beforeEach(async () => {
	isrPaths = [];
	site = await startSite({}, (url) => {
		const path = new URL(url).searchParams.get('x_astro_path');
		if (path !== null) isrPaths.push(path);
	});
});
afterEach(async () => {
	await site.close();
});

/** The page the adapter's entrypoint would render for an `x_astro_path` (its `new URL(realPath, url)`). */
const renderedPage = (path: string) => new URL(path, 'http://site.invalid').pathname;

describe("Astro's internal headers from a visitor", () => {
	it('do not fail the background regeneration of a stale page: x-astro-locals: 1', async () => {
		const before = await snapshot(await site.get('/blog'));
		site.advance(build.expiration + 1);
		const stale = await snapshot(await site.get('/blog', { headers: { 'x-astro-locals': '1' } }));
		expect(stale).toMatchObject({ status: 200, cache: 'STALE', generatedAt: before.generatedAt });
		await site.runtime.caches.settled();
		const after = await snapshot(await site.get('/blog'));
		expect(after).toMatchObject({ status: 200, cache: 'HIT' });
		expect(after.generatedAt).not.toBe(before.generatedAt);
	});
});

describe('a path that starts with //', () => {
	it('gets an uncacheable 400, not a redirect to another host', async () => {
		// Astro's trailing-slash redirect would answer `Location: //evil.example` (protocol-relative).
		const response = await rawGet(site.url, '//evil.example/');
		expect(response.status).toBe(400);
		expect(response.headers.location).toBeUndefined();
		expect(response.headers['cache-control']).toBe('no-store');
	});
});

describe('encoded separators and dot segments', () => {
	it.each([
		'/blog/..%2Fssr',
		'/blog/%2e%2e%2fisr',
		'/blog/..%2F',
		'/blog/..%5Cssr',
		'/blog/%00',
		'/blog/x%0d%0a',
		'/blog/%1b[2J',
		// Encoded unreserved characters (RFC 3986 §6.2.2.2). A post prerendered at build is an
		// output at its own path, which the filesystem phase also finds by its decoded spelling, so
		// that spelling shares its entry; these would each mint a key of their own.
		'/%69sr',
		'/blog/%6Eot-a-post',
	])('%s gets an uncacheable 400, twice, and stores nothing', async (target) => {
		for (let attempt = 0; attempt < 2; attempt++) {
			const response = await rawGet(site.url, target);
			expect(response.status).toBe(400);
			expect(response.headers['cache-control']).toBe('no-store');
			expect(response.headers['x-vercel-cache']).not.toBe('HIT');
		}
		expect(isrPaths).toEqual([]);
	});

	const SSR_SPELLINGS = [
		'/ssr',
		'/SSR',
		'/Ssr',
		'/ssr/',
		'//ssr',
		'/%73sr',
		'/%73%73%72',
		'/./ssr',
		'/blog/../ssr',
		'/blog/%2e%2e/ssr',
		'/blog/%2E%2E/ssr',
		'/blog/..%2Fssr',
		'/blog/..%2fssr',
		'/blog/%2e%2e%2fssr',
		'/blog/%2E%2E%2Fssr',
		'/blog/..%5Cssr',
		'/blog/..\\ssr',
		'/blog//ssr',
		'/blog/%252e%252e%252fssr',
	];
	const API_SPELLINGS = SSR_SPELLINGS.map((spelling) =>
		spelling.replace(/ssr$/, 'api/revalidate').replace(/%73sr$|%73%73%72$/, 'api%2Frevalidate'),
	).concat([
		'/API/revalidate',
		'/api//revalidate',
		'/api/revalidate%2F',
		'/blog/..%2Fapi%2Frevalidate',
	]);

	it.each([...SSR_SPELLINGS, ...API_SPELLINGS])(
		'%s never makes the ISR function render /ssr or /api/*',
		async (target) => {
			await rawGet(site.url, target);
			const again = await rawGet(site.url, target);
			for (const path of isrPaths) {
				expect(renderedPage(path)).not.toMatch(/^\/(ssr|api)(\/|$)/i);
			}
			expect(again.headers['x-vercel-cache'] === 'HIT' && again.body.includes('SSR page')).toBe(
				false,
			);
		},
	);
});

import { describe, expect, inject, it, vi } from 'vitest';
import { join } from 'node:path';
import { importFunction, isrPathToken, readJson, type RouteEntry } from './output.ts';

const build = inject('siteBuild');
const { routes } = await readJson<{ routes: RouteEntry[] }>(join(build.outputDir, 'config.json'));
const pathToken = isrPathToken(routes);
const isr = await importFunction(build.outputDir, '_isr');
const render = await importFunction(build.outputDir, '_render');

/** What Vercel sends the prerender function after the ISR rewrite and the allowQuery filter. */
function isrRequest(path: string, token = pathToken): Request {
	const url = new URL('https://site.test/_isr');
	url.searchParams.set('x_astro_path', path);
	url.searchParams.set('x_astro_path_token', token);
	return new Request(url);
}

const generatedAt = (html: string) => html.match(/data-generated-at="([^"]+)"/)?.[1];

describe('the built _isr function', () => {
	it.each([
		['/', 'text/html', null],
		['/isr', 'text/html', null],
		['/data.json', 'application/json', null],
		['/blog', 'text/html', null],
		['/blog/hello-world', 'text/html', null],
	])('renders %s with status 200 and the cache policy headers', async (path, type, cdn) => {
		const response = await isr.fetch(isrRequest(path));
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toContain(type);
		expect(response.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
		expect(response.headers.get('vercel-cdn-cache-control')).toBe(cdn);
		expect(response.headers.get('x-generated-at')).toMatch(/^\d{4}-\d\d-\d\dT/);
		expect(response.headers.getSetCookie()).toEqual([]);
	});

	it('renders a blog post from the content collection', async () => {
		const html = await (await isr.fetch(isrRequest('/blog/hello-world'))).text();
		expect(html).toContain('Hello, world');
		expect(generatedAt(html)).toBeDefined();
	});

	it.each(['/', '/isr', '/blog', '/blog/hello-world'])(
		'renders %s the same for every visitor: no cookie, query or header changes it',
		async (path) => {
			const at = new Date('2026-11-22T10:00:00Z');
			vi.useFakeTimers({ toFake: ['Date'], now: at });
			const plain = await (await isr.fetch(isrRequest(path))).text();
			const visitor = isrRequest(path);
			const personal = new Request(`${visitor.url}&q=search&utm_source=mail`, {
				headers: {
					cookie: 'session=abc123; theme=dark',
					'accept-language': 'fr',
					'user-agent': 'Visitor/1.0',
				},
			});
			const varied = await (await isr.fetch(personal)).text();
			vi.useRealTimers();
			expect(varied).toBe(plain);
		},
	);

	it('answers /data.json with its render time and expiry', async () => {
		const body = (await (await isr.fetch(isrRequest('/data.json'))).json()) as Record<
			string,
			unknown
		>;
		const rendered = new Date(body.generatedAt as string).getTime();
		expect(new Date(body.expiresAt as string).getTime() - rendered).toBe(build.expiration * 1000);
		expect(body.posts).toEqual(
			expect.arrayContaining([expect.objectContaining({ slug: 'hello-world' })]),
		);
	});

	it('answers an unknown post with the site 404 page', async () => {
		const response = await isr.fetch(isrRequest('/blog/no-such-post'));
		expect(response.status).toBe(404);
		expect(await response.text()).toContain('Page not found');
	});

	it.each([
		[
			'without the path token',
			(path: string) => new Request(`https://site.test/_isr?x_astro_path=${path}`),
		],
		['with a wrong path token', (path: string) => isrRequest(path, 'forged')],
	])('refuses a forged x_astro_path %s', async (_, request) => {
		const response = await isr.fetch(request('/isr'));
		expect(response.status).toBe(404);
		expect(await response.text()).not.toContain('<h1>ISR page</h1>');
	});
});

describe('the security headers of the built functions', () => {
	it.each([
		['_isr', () => isr.fetch(isrRequest('/isr'))],
		['_isr', () => isr.fetch(isrRequest('/blog/no-such-post'))],
		['_render', () => render.fetch(new Request('https://site.test/ssr'))],
	])(
		'%s sends HTML with a hash-based CSP header, nosniff, a referrer policy and a charset',
		async (_, call) => {
			const response = await call();
			const csp = response.headers.get('content-security-policy') ?? '';
			expect(csp).toContain("default-src 'none'");
			expect(csp).toContain("frame-ancestors 'none'");
			expect(csp).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
			expect(csp).toMatch(/style-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
			expect(csp).not.toMatch(/unsafe|nonce-/);
			expect(response.headers.get('x-content-type-options')).toBe('nosniff');
			expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
			expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
		},
	);

	it('hashes exactly the inline scripts and styles the page carries', async () => {
		const response = await isr.fetch(isrRequest('/'));
		const html = await response.text();
		const csp = response.headers.get('content-security-policy') ?? '';
		const { createHash } = await import('node:crypto');
		const inline = [...html.matchAll(/<(script|style)(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/\1>/g)];
		expect(inline.length).toBeGreaterThan(0);
		for (const [, , body] of inline) {
			const hash = createHash('sha256').update(body!).digest('base64');
			expect(csp).toContain(`'sha256-${hash}'`);
		}
	});

	it('sends JSON with nosniff', async () => {
		const response = await isr.fetch(isrRequest('/data.json'));
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
	});
});

describe('the built functions, given what only Astro itself may send', () => {
	it.each([
		['x-astro-locals', '1'],
		['x-astro-locals', '{"user":"admin"}'],
		['x-astro-path', '/ssr'],
		['x-astro-middleware-secret', 'guess'],
	])('render /isr as usual when a visitor sends %s: %s', async (name, value) => {
		const request = isrRequest('/isr');
		request.headers.set(name, value);
		const response = await isr.fetch(request);
		expect(response.status).toBe(200);
		expect(await response.text()).toContain('<h1>ISR page</h1>');
	});

	it('render /ssr in _render as usual when a visitor sends x-astro-locals', async () => {
		const response = await render.fetch(
			new Request('https://site.test/ssr', { headers: { 'x-astro-locals': '1' } }),
		);
		expect(response.status).toBe(200);
	});

	it.each(['/blog/../ssr', '/blog/../isr', '/blog/../', '/blog/%2e%2e/ssr', '/blog/..\\ssr'])(
		'answer x_astro_path=%s with an uncacheable 400 instead of rendering another page',
		async (path) => {
			const response = await isr.fetch(isrRequest(path));
			expect(response.status).toBe(400);
			expect(response.headers.get('cache-control')).toBe('no-store');
			expect(await response.text()).not.toContain('<h1>');
		},
	);
});

describe('the built _render function', () => {
	it('renders /ssr fresh on every call, with no-store', async () => {
		// Two calls a second apart on the clock: a fresh render shows each call's own time.
		vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-22T10:00:00Z') });
		const first = await render.fetch(new Request('https://site.test/ssr'));
		vi.setSystemTime(new Date('2026-11-22T10:00:01Z'));
		const second = await render.fetch(new Request('https://site.test/ssr'));
		vi.useRealTimers();
		expect(first.headers.get('cache-control')).toBe('no-store');
		expect(generatedAt(await first.text())).toBe('2026-11-22T10:00:00.000Z');
		expect(generatedAt(await second.text())).toBe('2026-11-22T10:00:01.000Z');
	});
});

import { describe, expect, it } from 'vitest';
import { screenRequest } from '../../../src/isr/request-screen.ts';

const SECRET = 'middleware-secret';

function isrRequest(path: string, headers: Record<string, string> = {}, token = SECRET): Request {
	const url = new URL('https://site.test/_isr');
	url.searchParams.set('x_astro_path', path);
	url.searchParams.set('x_astro_path_token', token);
	return new Request(url, { headers });
}

const INTERNAL = {
	'x-astro-locals': '{"admin":true}',
	'x-astro-path': '/ssr',
	'x-astro-middleware-secret': 'guess',
};

describe('screenRequest', () => {
	it('deletes the internal Astro headers a visitor sent, and hands the request on', () => {
		const request = isrRequest('/isr', { ...INTERNAL, accept: 'text/html' });
		expect(screenRequest(request, SECRET)).toBeUndefined();
		for (const name of Object.keys(INTERNAL)) expect(request.headers.has(name)).toBe(false);
		expect(request.headers.get('accept')).toBe('text/html');
	});

	it("keeps them on a request from Astro's edge middleware (it knows the secret)", () => {
		const request = new Request('https://site.test/_render', {
			headers: { ...INTERNAL, 'x-astro-path': '/isr', 'x-astro-middleware-secret': SECRET },
		});
		expect(screenRequest(request, SECRET)).toBeUndefined();
		expect(request.headers.get('x-astro-locals')).toBe(INTERNAL['x-astro-locals']);
	});

	it.each(['/blog/../ssr', '/blog/%2e%2e/isr', '/blog/../', '/blog/..\\ssr'])(
		'answers x_astro_path=%s with an uncacheable 400',
		async (path) => {
			const response = screenRequest(isrRequest(path), SECRET);
			expect(response?.status).toBe(400);
			expect(response?.headers.get('cache-control')).toBe('no-store');
			expect(await response?.text()).not.toContain(path);
		},
	);

	it('refuses an ambiguous x-astro-path from the edge middleware too', () => {
		const request = new Request('https://site.test/_render', {
			headers: { 'x-astro-path': '/blog/../ssr', 'x-astro-middleware-secret': SECRET },
		});
		expect(screenRequest(request, SECRET)?.status).toBe(400);
	});

	it('ignores x_astro_path without the right token (the adapter ignores it too)', () => {
		expect(screenRequest(isrRequest('/blog/../ssr', {}, 'wrong'), SECRET)).toBeUndefined();
	});

	it('hands a canonical path on', () => {
		expect(screenRequest(isrRequest('/blog/hello-world'), SECRET)).toBeUndefined();
	});
});

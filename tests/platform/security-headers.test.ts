import { describe, expect, it } from 'vitest';
import { get } from './http.ts';

describe('security headers', () => {
	it.each(['/', '/isr', '/blog', '/blog/hello-world', '/ssr', '/no/such/page'])(
		'%s is HTML with a hash-based CSP header, nosniff, a referrer policy and a charset',
		async (path) => {
			const response = await get(path);
			const csp = response.headers.get('content-security-policy') ?? '';
			expect(csp).toContain("default-src 'none'");
			expect(csp).toContain("frame-ancestors 'none'");
			expect(csp).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')*;/);
			expect(csp).toMatch(/style-src 'self'( 'sha256-[A-Za-z0-9+/=]+')*;/);
			expect(csp).not.toMatch(/unsafe-|nonce-/);
			expect(response.headers.get('x-content-type-options')).toBe('nosniff');
			expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
			expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
		},
	);

	it('sends /data.json with nosniff', async () => {
		const response = await get('/data.json');
		expect(response.headers.get('content-type')).toContain('application/json');
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
	});
});

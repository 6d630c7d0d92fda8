import { describe, expect, it } from 'vitest';
import { cachePolicyFor } from '../../../src/isr/cache-policy.ts';
import { resolveIsrConfig } from '../../../src/isr/config.ts';
import {
	routeKindOf,
	SECURITY_POLICIES,
	securityHeadersFor,
	SITE_CSP_DIRECTIVES,
} from '../../../src/isr/security-headers.ts';

const config = resolveIsrConfig({});

describe('routeKindOf', () => {
	it.each(['/admin', '/admin/posts', '/admin/[id]'])('treats %s as an admin page', (pattern) => {
		expect(routeKindOf(pattern)).toBe('admin');
	});

	it.each(['/', '/isr', '/administer', '/blog/admin', '/api/revalidate'])(
		'treats %s as an ordinary page',
		(pattern) => {
			expect(routeKindOf(pattern)).toBe('page');
		},
	);
});

describe('securityHeadersFor', () => {
	it('gives HTML nosniff, the referrer policy and an explicit charset', () => {
		expect(securityHeadersFor('page', 'text/html')).toEqual({
			'x-content-type-options': 'nosniff',
			'referrer-policy': 'strict-origin-when-cross-origin',
			'content-type': 'text/html; charset=utf-8',
		});
	});

	it('gives every other response nosniff only', () => {
		expect(securityHeadersFor('page', 'application/json')).toEqual({
			'x-content-type-options': 'nosniff',
		});
		expect(securityHeadersFor('page', null)).toEqual({ 'x-content-type-options': 'nosniff' });
	});

	it('gives admin pages no referrer beyond their own origin, which still sends their forms an Origin', () => {
		expect(securityHeadersFor('admin', 'text/html; charset=utf-8')['referrer-policy']).toBe(
			'same-origin',
		);
	});
});

describe('the site CSP directives', () => {
	it('allow nothing by default, no framing, no base URL and forms to this origin only', () => {
		expect(SITE_CSP_DIRECTIVES).toEqual(
			expect.arrayContaining([
				"default-src 'none'",
				"frame-ancestors 'none'",
				"base-uri 'none'",
				"form-action 'self'",
			]),
		);
	});

	it("never allow inline code or eval (Astro adds 'self' and hashes for scripts and styles)", () => {
		const all = [...SITE_CSP_DIRECTIVES, ...SECURITY_POLICIES.admin.cspDirectives].join(' ');
		expect(all).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|\*/);
		expect(all).not.toMatch(/\b(script|style)-src/);
	});
});

describe('admin pages in the cache policy', () => {
	it('are never stored, even when they are not excluded from ISR', () => {
		expect(cachePolicyFor('/admin', 200, { ...config, exclude: [] })).toEqual({
			kind: 'no-store',
			edgeSeconds: null,
			headers: { 'cache-control': 'no-store' },
		});
	});
});

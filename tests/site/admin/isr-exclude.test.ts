import { describe, expect, it } from 'vitest';
import { ISR_EXCLUDE } from '../../../src/isr/config.ts';
import { cachePolicyFor, isExcludedRoute } from '../../../src/isr/cache-policy.ts';

const ADMIN_ROUTES = [
	'/admin',
	'/admin/sign-in',
	'/admin/sign-out',
	'/admin/new',
	'/admin/revalidate',
	'/admin/posts/[slug]',
	'/admin/posts/[slug]/delete',
	'/admin/preview/[slug]',
];

describe('the editor and ISR', () => {
	it.each(ADMIN_ROUTES)('runs %s in _render, never cached (no-store)', (route) => {
		expect(isExcludedRoute(route, ISR_EXCLUDE)).toBe(true);
		expect(cachePolicyFor(route, 200, { expiration: 60, exclude: ISR_EXCLUDE })).toMatchObject({
			kind: 'no-store',
			headers: { 'cache-control': 'no-store' },
		});
	});

	it.each(['/administrator', '/blog/[slug]', '/'])('leaves %s to ISR', (route) => {
		expect(isExcludedRoute(route, ISR_EXCLUDE)).toBe(false);
	});
});

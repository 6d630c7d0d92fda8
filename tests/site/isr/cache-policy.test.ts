import { describe, expect, it } from 'vitest';
import {
	applyCachePolicy,
	BROWSER_REVALIDATE,
	cachePolicyFor,
	expiresAt,
	NOT_FOUND_EDGE_SECONDS,
} from '../../../src/isr/cache-policy.ts';
import { ISR_EXCLUDE, resolveIsrConfig } from '../../../src/isr/config.ts';

const config = {
	expiration: 60,
	exclude: ISR_EXCLUDE,
	routeRules: resolveIsrConfig({}).routeRules,
};

describe('cachePolicyFor', () => {
	it.each(['/', '/data.json', '/blog', '/blog/[slug]'])(
		'lets browsers revalidate and the edge keep %s for the ISR expiration',
		(route) => {
			const policy = cachePolicyFor(route, 200, config);
			expect(policy).toEqual({
				kind: 'isr',
				edgeSeconds: 60,
				headers: { 'cache-control': 'public, max-age=0, must-revalidate' },
			});
		},
	);

	it("gives /isr its rule's 30 s through its own prerender function, with no CDN header", () => {
		expect(config.routeRules['/isr']?.expiration).toBe(30);
		expect(cachePolicyFor('/isr', 200, config)).toEqual({
			kind: 'isr',
			edgeSeconds: 30,
			headers: { 'cache-control': BROWSER_REVALIDATE },
		});
	});

	it('keeps the rule of /isr whatever the site-wide expiration', () => {
		expect(cachePolicyFor('/isr', 200, { ...config, expiration: 10 }).edgeSeconds).toBe(30);
		expect(cachePolicyFor('/isr', 200, { ...config, expiration: false }).edgeSeconds).toBe(30);
	});

	it('asks for nothing shorter when pages live until revalidated, which Vercel would ignore', () => {
		const policy = cachePolicyFor('/404', 404, { ...config, expiration: false });
		expect(policy).toEqual({
			kind: 'isr',
			edgeSeconds: false,
			headers: { 'cache-control': BROWSER_REVALIDATE },
		});
	});

	it('keeps a 404 from the ISR function only briefly', () => {
		const policy = cachePolicyFor('/404', 404, config);
		expect(policy.edgeSeconds).toBe(NOT_FOUND_EDGE_SECONDS);
		expect(policy.headers['vercel-cdn-cache-control']).toBe(`max-age=${NOT_FOUND_EDGE_SECONDS}`);
	});

	it.each(['/ssr', '/api/revalidate', '/api/[id]'])('never stores %s', (route) => {
		expect(cachePolicyFor(route, 200, config)).toEqual({
			kind: 'no-store',
			edgeSeconds: null,
			headers: { 'cache-control': 'no-store' },
		});
	});
});

describe('expiresAt', () => {
	const generatedAt = new Date('2026-11-22T10:00:00.000Z');

	it('adds the edge lifetime to the render time', () => {
		expect(expiresAt(generatedAt, cachePolicyFor('/isr', 200, config))?.toISOString()).toBe(
			'2026-11-22T10:00:30.000Z',
		);
	});

	it('is null when only revalidation ends the entry or nothing is stored', () => {
		expect(
			expiresAt(generatedAt, cachePolicyFor('/', 200, { ...config, expiration: false })),
		).toBeNull();
		expect(expiresAt(generatedAt, cachePolicyFor('/ssr', 200, config))).toBeNull();
	});
});

describe('applyCachePolicy', () => {
	it('replaces any cache header a page may have set', () => {
		const headers = new Headers({ 'cache-control': 'public, max-age=3600' });
		applyCachePolicy(headers, cachePolicyFor('/404', 404, config));
		expect(headers.get('cache-control')).toBe(BROWSER_REVALIDATE);
		expect(headers.get('vercel-cdn-cache-control')).toBe(`max-age=${NOT_FOUND_EDGE_SECONDS}`);
	});
});

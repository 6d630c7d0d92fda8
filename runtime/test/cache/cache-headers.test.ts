import { describe, expect, it } from 'vitest';
import {
	browserHeaders,
	edgeLifetimeSeconds,
	selectCacheDirectives,
	withoutSharedDirectives,
} from '../../cache/cache-headers.ts';

describe('selectCacheDirectives', () => {
	it('prefers Vercel-CDN-Cache-Control over CDN-Cache-Control over Cache-Control', () => {
		const all = new Headers({
			'cache-control': 's-maxage=30',
			'cdn-cache-control': 'max-age=20',
			'vercel-cdn-cache-control': 'max-age=10',
		});
		expect(selectCacheDirectives(all)?.source).toBe('vercel-cdn-cache-control');
		all.delete('vercel-cdn-cache-control');
		expect(selectCacheDirectives(all)?.source).toBe('cdn-cache-control');
		all.delete('cdn-cache-control');
		expect(selectCacheDirectives(all)?.source).toBe('cache-control');
		all.delete('cache-control');
		expect(selectCacheDirectives(all)).toBeUndefined();
	});
});

describe('edgeLifetimeSeconds', () => {
	const lifetime = (headers: Record<string, string>) =>
		edgeLifetimeSeconds(selectCacheDirectives(new Headers(headers))!);

	it('reads max-age or s-maxage from the targeted headers, s-maxage first', () => {
		expect(lifetime({ 'vercel-cdn-cache-control': 'max-age=10' })).toBe(10);
		expect(lifetime({ 'cdn-cache-control': 's-maxage=5, max-age=10' })).toBe(5);
	});

	it('reads only s-maxage from Cache-Control', () => {
		expect(lifetime({ 'cache-control': 'public, max-age=600' })).toBeUndefined();
		expect(lifetime({ 'cache-control': 'max-age=600, s-maxage=60' })).toBe(60);
	});

	it('does not fall through to a weaker header when the chosen one has no lifetime', () => {
		expect(
			lifetime({ 'cdn-cache-control': 'public', 'cache-control': 's-maxage=60' }),
		).toBeUndefined();
	});
});

describe('withoutSharedDirectives', () => {
	it('drops s-maxage and stale-while-revalidate and keeps the rest verbatim', () => {
		expect(
			withoutSharedDirectives('public, S-MaxAge=60, max-age=0, stale-while-revalidate=30, x-ext=1'),
		).toBe('public, max-age=0, x-ext=1');
	});

	it('does not split quoted lists', () => {
		expect(withoutSharedDirectives('private="set-cookie, x", s-maxage=1')).toBe(
			'private="set-cookie, x"',
		);
	});

	it('returns a value without shared directives unchanged', () => {
		expect(withoutSharedDirectives('max-age=0,must-revalidate')).toBe('max-age=0,must-revalidate');
	});
});

describe('browserHeaders', () => {
	it('consumes Vercel-CDN-Cache-Control and forwards CDN-Cache-Control', () => {
		const result = browserHeaders(
			new Headers({
				'vercel-cdn-cache-control': 'max-age=60',
				'cdn-cache-control': 'max-age=30',
				'cache-control': 'public, s-maxage=5',
			}),
			false,
		);
		expect(result.has('vercel-cdn-cache-control')).toBe(false);
		expect(result.get('cdn-cache-control')).toBe('max-age=30');
		expect(result.get('cache-control')).toBe('public, s-maxage=5');
	});

	it('strips shared directives from Cache-Control when asked', () => {
		const result = browserHeaders(new Headers({ 'cache-control': 'public, s-maxage=5' }), true);
		expect(result.get('cache-control')).toBe('public');
	});

	it('sends the platform default Cache-Control when none is left', () => {
		expect(browserHeaders(new Headers(), true).get('cache-control')).toBe(
			'public, max-age=0, must-revalidate',
		);
		expect(
			browserHeaders(new Headers({ 'cache-control': 's-maxage=5' }), true).get('cache-control'),
		).toBe('public, max-age=0, must-revalidate');
	});

	it('leaves the input headers untouched', () => {
		const input = new Headers({ 'vercel-cdn-cache-control': 'max-age=1' });
		browserHeaders(input, true);
		expect(input.get('vercel-cdn-cache-control')).toBe('max-age=1');
	});
});

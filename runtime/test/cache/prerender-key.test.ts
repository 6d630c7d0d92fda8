import { describe, expect, it } from 'vitest';
import { allowedQuery, functionUrl, prerenderKey } from '../../cache/prerender-key.ts';

describe('allowedQuery', () => {
	it('keeps the whole query, sorted by name, when allowQuery is undefined', () => {
		expect(allowedQuery('?b=2&a=1&c', undefined)).toBe('a=1&b=2&c');
	});

	it('keeps nothing when allowQuery is empty', () => {
		expect(allowedQuery('?a=1&b=2', [])).toBe('');
	});

	it('keeps only the listed names, sorted', () => {
		expect(
			allowedQuery('?utm=x&x_astro_path_token=t&x_astro_path=/isr', [
				'x_astro_path',
				'x_astro_path_token',
			]),
		).toBe('x_astro_path=/isr&x_astro_path_token=t');
	});

	it('keeps raw values without normalising their encoding', () => {
		expect(allowedQuery('?q=a%20b&r=a+b&s=%2F', undefined)).toBe('q=a%20b&r=a+b&s=%2F');
	});

	it('matches encoded names against allowQuery by their decoded form', () => {
		expect(allowedQuery('?slug%5B%5D=a&other=b', ['slug[]'])).toBe('slug%5B%5D=a');
	});

	it('keeps repeated names in their original order and drops empty segments', () => {
		expect(allowedQuery('?b=1&&a=2&b=0&', undefined)).toBe('a=2&b=1&b=0');
	});

	it('returns an empty string for an empty query', () => {
		expect(allowedQuery('', undefined)).toBe('');
		expect(allowedQuery('?', ['a'])).toBe('');
	});
});

describe('prerenderKey', () => {
	it('is made of host, output path and the allowed query', () => {
		const url = new URL('https://Example.com:8080/_isr?ignored=1');
		expect(prerenderKey(url, '/_isr', 'a=1')).toBe('isr:example.com:8080/_isr?a=1');
		expect(prerenderKey(url, '/_isr', '')).toBe('isr:example.com:8080/_isr');
	});

	it('differs by host, because revalidation is scoped to one domain', () => {
		const a = prerenderKey(new URL('https://a.test/_isr'), '/_isr', '');
		const b = prerenderKey(new URL('https://www.a.test/_isr'), '/_isr', '');
		expect(a).not.toBe(b);
	});
});

describe('functionUrl', () => {
	const url = new URL('https://a.test/_isr?x_astro_path=/isr&utm=1');

	it('passes the allowed query when passQuery is true', () => {
		expect(functionUrl(url, { expiration: 60, passQuery: true }, 'x_astro_path=/isr')).toBe(
			'https://a.test/_isr?x_astro_path=/isr',
		);
	});

	it('passes no query at all unless passQuery is true', () => {
		expect(functionUrl(url, { expiration: 60 }, 'x_astro_path=/isr')).toBe('https://a.test/_isr');
		expect(functionUrl(url, { expiration: 60, passQuery: false }, 'a=1')).toBe(
			'https://a.test/_isr',
		);
	});

	it('leaves off the question mark when nothing is allowed', () => {
		expect(functionUrl(url, { expiration: 60, passQuery: true }, '')).toBe('https://a.test/_isr');
	});
});

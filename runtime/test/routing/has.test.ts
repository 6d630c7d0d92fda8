import { describe, expect, it } from 'vitest';
import type { HasField } from '../../output/config-schema.ts';
import { conditionSource, matchCondition, parseCookies } from '../../routing/has.ts';

function source(url: string, headers: Record<string, string> = {}) {
	return conditionSource(new URL(url), new Headers(headers));
}

const holds = (field: HasField, url: string, headers?: Record<string, string>) =>
	matchCondition(field, source(url, headers)) !== undefined;

describe('matchCondition', () => {
	it('tests presence when no value is given', () => {
		const field: HasField = { type: 'header', key: 'next-action' };
		expect(holds(field, 'https://a.test/', { 'next-action': '' })).toBe(true);
		expect(holds(field, 'https://a.test/')).toBe(false);
	});

	it('matches a string value as a case-sensitive regular expression over the whole value', () => {
		const field: HasField = { type: 'cookie', key: 'mode', value: 'draft|preview' };
		expect(holds(field, 'https://a.test/', { cookie: 'mode=preview' })).toBe(true);
		expect(holds(field, 'https://a.test/', { cookie: 'mode=previewing' })).toBe(false);
		expect(holds(field, 'https://a.test/', { cookie: 'mode=Preview' })).toBe(false);
	});

	it('compares the host without its port', () => {
		const field: HasField = { type: 'host', value: 'preview\\..*' };
		expect(holds(field, 'http://preview.a.test:4321/')).toBe(true);
		expect(holds(field, 'http://a.test:4321/')).toBe(false);
	});

	it('compares object values (eq, inc, pre, gt, …)', () => {
		expect(holds({ type: 'query', key: 'v', value: { eq: 2 } }, 'https://a.test/?v=2')).toBe(true);
		expect(holds({ type: 'query', key: 'v', value: { gt: 2 } }, 'https://a.test/?v=2')).toBe(false);
		const field: HasField = { type: 'header', key: 'x-tier', value: { inc: ['pro', 'team'] } };
		expect(holds(field, 'https://a.test/', { 'x-tier': 'team' })).toBe(true);
		expect(holds(field, 'https://a.test/', { 'x-tier': 'free' })).toBe(false);
	});

	it('captures named groups of a string value', () => {
		const field: HasField = { type: 'query', key: 'id', value: '(?<id>\\d+)' };
		expect(matchCondition(field, source('https://a.test/?id=42'))).toEqual({ id: '42' });
	});
});

describe('conditionSource', () => {
	it('parses the Cookie header on first read and only once', () => {
		let reads = 0;
		const headers = new Headers({ cookie: 'a=1' });
		const get = headers.get.bind(headers);
		headers.get = (name) => {
			if (name === 'cookie') reads += 1;
			return get(name);
		};
		const lazy = conditionSource(new URL('https://a.test/'), headers);
		expect(reads).toBe(0);
		expect(lazy.cookies.get('a')).toBe('1');
		expect(lazy.cookies.get('b')).toBeUndefined();
		expect(reads).toBe(1);
	});
});

describe('parseCookies', () => {
	it('keeps the first of repeated names and values as sent', () => {
		expect(parseCookies('a=1; b=x%20y; a=2; novalue; =empty')).toEqual(
			new Map([
				['a', '1'],
				['b', 'x%20y'],
			]),
		);
		expect(parseCookies(null)).toEqual(new Map());
	});
});

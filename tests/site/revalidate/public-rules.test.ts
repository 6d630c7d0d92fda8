import { describe, expect, it } from 'vitest';
import { decidePublicRequest, isSameOrigin } from '../../../src/revalidate/public-rules.ts';

const url = new URL('https://example.com/api/revalidate');
const PUBLIC = ['/', '/isr', '/data.json'];

describe('isSameOrigin', () => {
	it('accepts an Origin equal to the request origin', () => {
		expect(isSameOrigin(new Headers({ origin: 'https://example.com' }), url)).toBe(true);
	});

	it('accepts Sec-Fetch-Site: same-origin', () => {
		expect(isSameOrigin(new Headers({ 'sec-fetch-site': 'same-origin' }), url)).toBe(true);
	});

	it.each([
		[{}],
		[{ origin: 'https://evil.com' }],
		[{ origin: 'http://example.com' }],
		[{ origin: 'https://example.com.evil.com' }],
		[{ origin: 'null' }],
		[{ origin: 'https://evil.com', 'sec-fetch-site': 'cross-site' }],
		[{ 'sec-fetch-site': 'same-site' }],
		[{ 'sec-fetch-site': 'none' }],
	])('refuses %j', (headers) => {
		expect(isSameOrigin(new Headers(headers), url)).toBe(false);
	});
});

describe('decidePublicRequest', () => {
	const sameOrigin = new Headers({
		origin: 'https://example.com',
		'sec-fetch-site': 'same-origin',
	});

	it('allows public paths from the site itself', () => {
		expect(decidePublicRequest(sameOrigin, url, ['/isr', '/data.json'], PUBLIC)).toEqual({
			allowed: true,
		});
	});

	it('refuses a path outside the public list, naming its index', () => {
		const decision = decidePublicRequest(sameOrigin, url, ['/isr', '/blog/hello-world'], PUBLIC);
		expect(decision).toMatchObject({ allowed: false, index: 1 });
	});

	it('refuses public paths from another site', () => {
		const decision = decidePublicRequest(
			new Headers({ origin: 'https://evil.com' }),
			url,
			['/isr'],
			PUBLIC,
		);
		expect(decision.allowed).toBe(false);
	});
});

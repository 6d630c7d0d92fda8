import { describe, expect, it } from 'vitest';
import { ifNoneMatchHolds, notModifiedHeaders } from '../../cache/conditional.ts';

describe('ifNoneMatchHolds', () => {
	it('matches the same tag, and * whatever the tag', () => {
		expect(ifNoneMatchHolds('"abc"', '"abc"')).toBe(true);
		expect(ifNoneMatchHolds('*', '"abc"')).toBe(true);
		expect(ifNoneMatchHolds('"abd"', '"abc"')).toBe(false);
	});

	it('compares weakly, as If-None-Match does: W/ on either side still matches', () => {
		expect(ifNoneMatchHolds('W/"abc"', '"abc"')).toBe(true);
		expect(ifNoneMatchHolds('"abc"', 'W/"abc"')).toBe(true);
	});

	it('matches any tag of a list, and ignores malformed members', () => {
		expect(ifNoneMatchHolds('"x", W/"y" , "abc"', '"abc"')).toBe(true);
		expect(ifNoneMatchHolds('abc, "x"', '"abc"')).toBe(false);
		expect(ifNoneMatchHolds('"a,b"', '"a,b"')).toBe(true);
	});
});

describe('notModifiedHeaders', () => {
	it('keeps the validator and cache fields a 304 must carry, and drops the rest', () => {
		const headers = [
			'content-type',
			'text/html',
			'content-length',
			'10',
			'content-encoding',
			'br',
			'etag',
			'"a"',
			'vary',
			'accept-encoding',
			'cache-control',
			'public, max-age=0, must-revalidate',
			'date',
			'Thu, 01 Jan 2026 00:00:00 GMT',
			'x-custom',
			'1',
		];
		expect(notModifiedHeaders(headers)).toEqual([
			'etag',
			'"a"',
			'vary',
			'accept-encoding',
			'cache-control',
			'public, max-age=0, must-revalidate',
			'date',
			'Thu, 01 Jan 2026 00:00:00 GMT',
		]);
	});
});

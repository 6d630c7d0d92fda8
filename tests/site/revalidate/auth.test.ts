import { timingSafeEqual } from 'node:crypto';
import type * as Crypto from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { identifyCaller, parseBearer, safeEqual } from '../../../src/revalidate/auth.ts';

vi.mock('node:crypto', async (importOriginal) => {
	const crypto = await importOriginal<typeof Crypto>();
	return { ...crypto, timingSafeEqual: vi.fn(crypto.timingSafeEqual) };
});

const SECRET = 's3cret-value-for-the-revalidate-tests';

describe('parseBearer', () => {
	it.each([
		[`Bearer ${SECRET}`, SECRET],
		[`bearer ${SECRET}`, SECRET],
		[`BEARER   ${SECRET}  `, SECRET],
		['Bearer a.b-c_d~e+f/g=', 'a.b-c_d~e+f/g='],
	])('reads the token of %j', (header, token) => {
		expect(parseBearer(header)).toBe(token);
	});

	it.each([
		'',
		'Bearer',
		'Bearer ',
		`Basic ${SECRET}`,
		`Token ${SECRET}`,
		`Bearer ${SECRET} extra`,
		SECRET,
		`Bearer\t${SECRET}`,
	])('finds no token in %j', (header) => {
		expect(parseBearer(header)).toBeUndefined();
	});
});

describe('safeEqual', () => {
	it('is true only for identical strings', () => {
		expect(safeEqual(SECRET, SECRET)).toBe(true);
		expect(safeEqual(SECRET, `${SECRET}x`)).toBe(false);
		expect(safeEqual(SECRET.slice(0, -1), SECRET)).toBe(false);
		expect(safeEqual('', SECRET)).toBe(false);
		expect(safeEqual(SECRET.toUpperCase(), SECRET)).toBe(false);
	});

	it('compares in constant time over SHA-256 digests, so lengths do not leak', () => {
		vi.mocked(timingSafeEqual).mockClear();
		expect(safeEqual('a', 'a much longer string than the first one')).toBe(false);
		expect(timingSafeEqual).toHaveBeenCalledTimes(1);
		const [given, expected] = vi.mocked(timingSafeEqual).mock.calls[0]!;
		expect(given.byteLength).toBe(32);
		expect(expected.byteLength).toBe(32);
	});
});

describe('identifyCaller', () => {
	it('treats a request without Authorization as a public caller', () => {
		expect(identifyCaller(null, SECRET)).toBe('public');
		expect(identifyCaller(null, undefined)).toBe('public');
	});

	it('accepts the right bearer secret', () => {
		expect(identifyCaller(`Bearer ${SECRET}`, SECRET)).toBe('secret');
	});

	it.each(['Bearer wrong', `Basic ${SECRET}`, '', 'Bearer', `Bearer ${SECRET}x`])(
		'refuses %j',
		(header) => {
			expect(identifyCaller(header, SECRET)).toBe('unauthorized');
		},
	);

	it('reports bearer callers as not configured when the secret is unset or empty', () => {
		expect(identifyCaller(`Bearer ${SECRET}`, undefined)).toBe('not-configured');
		expect(identifyCaller('Bearer ', '')).toBe('not-configured');
	});
});

import { describe, expect, it } from 'vitest';
import {
	FIRST_WAIT_MS,
	FORGET_AFTER_MS,
	FREE_FAILURES,
	MAX_KEYS,
	MAX_WAIT_MS,
	SignInThrottle,
	waitAfter,
} from '../../../src/admin/throttle.ts';

const NOW = 1_000_000;

function failTimes(throttle: SignInThrottle, key: string, times: number, at = NOW): void {
	for (let index = 0; index < times; index++) throttle.recordFailure(key, at);
}

describe('waitAfter', () => {
	it('lets the first failures through without a wait', () => {
		for (let count = 0; count < FREE_FAILURES; count++) expect(waitAfter(count)).toBe(0);
	});

	it('doubles the wait with each failure after the free ones, up to the maximum', () => {
		expect(waitAfter(FREE_FAILURES)).toBe(FIRST_WAIT_MS);
		expect(waitAfter(FREE_FAILURES + 1)).toBe(FIRST_WAIT_MS * 2);
		expect(waitAfter(FREE_FAILURES + 2)).toBe(FIRST_WAIT_MS * 4);
		expect(waitAfter(FREE_FAILURES + 30)).toBe(MAX_WAIT_MS);
	});
});

describe('SignInThrottle', () => {
	it('allows attempts while a key has fewer failures than the free ones', () => {
		const throttle = new SignInThrottle();
		failTimes(throttle, 'a', FREE_FAILURES - 1);
		expect(throttle.check('a', NOW)).toEqual({ allowed: true });
	});

	it('refuses the next attempt after the free failures, with the seconds to wait', () => {
		const throttle = new SignInThrottle();
		failTimes(throttle, 'a', FREE_FAILURES);
		expect(throttle.check('a', NOW)).toEqual({
			allowed: false,
			retryAfterSeconds: FIRST_WAIT_MS / 1000,
		});
		expect(throttle.check('a', NOW + FIRST_WAIT_MS - 1500)).toEqual({
			allowed: false,
			retryAfterSeconds: 2,
		});
		expect(throttle.check('a', NOW + FIRST_WAIT_MS)).toEqual({ allowed: true });
	});

	it('makes each further failure wait twice as long', () => {
		const throttle = new SignInThrottle();
		failTimes(throttle, 'a', FREE_FAILURES + 1);
		expect(throttle.check('a', NOW + FIRST_WAIT_MS)).toMatchObject({ allowed: false });
		expect(throttle.check('a', NOW + 2 * FIRST_WAIT_MS)).toEqual({ allowed: true });
	});

	it('keeps keys apart', () => {
		const throttle = new SignInThrottle();
		failTimes(throttle, 'a', FREE_FAILURES);
		expect(throttle.check('b', NOW)).toEqual({ allowed: true });
	});

	it('forgets a key on a correct secret', () => {
		const throttle = new SignInThrottle();
		failTimes(throttle, 'a', FREE_FAILURES - 1);
		throttle.recordSuccess('a');
		throttle.recordFailure('a', NOW);
		expect(throttle.check('a', NOW)).toEqual({ allowed: true });
	});

	it('forgets failures older than the forget window', () => {
		const throttle = new SignInThrottle();
		failTimes(throttle, 'a', FREE_FAILURES + 10);
		const later = NOW + FORGET_AFTER_MS;
		expect(throttle.check('a', later)).toEqual({ allowed: true });
		failTimes(throttle, 'a', FREE_FAILURES - 1, later);
		expect(throttle.check('a', later)).toEqual({ allowed: true });
	});

	it('remembers at most MAX_KEYS keys, dropping the one whose last failure is oldest', () => {
		const throttle = new SignInThrottle();
		failTimes(throttle, 'first', FREE_FAILURES, NOW);
		failTimes(throttle, 'second', FREE_FAILURES, NOW);
		// A new failure of "first" makes "second" the oldest.
		throttle.recordFailure('first', NOW + 1);
		for (let index = 0; index < MAX_KEYS - 1; index++) throttle.recordFailure(`k${index}`, NOW + 2);
		expect(throttle.check('first', NOW + 2).allowed).toBe(false);
		expect(throttle.check('second', NOW + 2).allowed).toBe(true);
	});
});

import { describe, expect, it } from 'vitest';
import {
	formatClock,
	KEPT_UNTIL_REVALIDATED,
	liveClockText,
	STALE_NEXT,
} from '../../../src/isr/cache-clock.ts';

const expires = Date.parse('2026-12-01T14:03:30.000Z');

describe('the cache clock', () => {
	it('writes an instant as a 24-hour UTC time', () => {
		expect(formatClock(new Date(expires))).toBe('14:03:30 UTC');
		expect(formatClock(new Date('2026-12-01T00:00:05.000Z'))).toBe('00:00:05 UTC');
	});

	it('counts the seconds a copy stays fresh, rounding up so it never says 0 s while fresh', () => {
		expect(liveClockText(expires - 23_000, expires)).toBe('fresh for 23 s more');
		expect(liveClockText(expires - 22_100, expires)).toBe('fresh for 23 s more');
		expect(liveClockText(expires - 1, expires)).toBe('fresh for 1 s more');
	});

	it('says what the next visit does once the copy is stale', () => {
		expect(liveClockText(expires, expires)).toBe(STALE_NEXT);
		expect(liveClockText(expires + 60_000, expires)).toBe(STALE_NEXT);
		expect(STALE_NEXT).toMatch(/next visit gets this copy and regenerates it in the background/);
	});

	it('says a copy without expiry is kept until revalidated', () => {
		expect(liveClockText(expires, null)).toBe(KEPT_UNTIL_REVALIDATED);
	});
});

import { describe, expect, it } from 'vitest';
import { combineCooldowns, decideCooldown } from '../../../src/revalidate/cooldown.ts';

const NOW = Date.parse('2026-11-22T12:00:00.000Z');
const secondsAgo = (seconds: number) => new Date(NOW - seconds * 1000);

describe('decideCooldown', () => {
	it('allows a render at least the cooldown old', () => {
		expect(decideCooldown(secondsAgo(10), NOW, 10)).toEqual({ allowed: true });
		expect(decideCooldown(secondsAgo(3600), NOW, 10)).toEqual({ allowed: true });
	});

	it('refuses a younger render and says how many whole seconds are left', () => {
		expect(decideCooldown(secondsAgo(0), NOW, 10)).toEqual({
			allowed: false,
			retryAfterSeconds: 10,
		});
		expect(decideCooldown(secondsAgo(3), NOW, 10)).toEqual({
			allowed: false,
			retryAfterSeconds: 7,
		});
		expect(decideCooldown(secondsAgo(9.5), NOW, 10)).toEqual({
			allowed: false,
			retryAfterSeconds: 1,
		});
	});

	it('never asks for more than the cooldown when the render time is in the future', () => {
		expect(decideCooldown(secondsAgo(-60), NOW, 10)).toEqual({
			allowed: false,
			retryAfterSeconds: 10,
		});
	});
});

describe('combineCooldowns', () => {
	it('allows only when every path is allowed, else waits for the slowest', () => {
		expect(combineCooldowns([{ allowed: true }, { allowed: true }])).toEqual({ allowed: true });
		expect(
			combineCooldowns([
				{ allowed: true },
				{ allowed: false, retryAfterSeconds: 4 },
				{ allowed: false, retryAfterSeconds: 9 },
			]),
		).toEqual({ allowed: false, retryAfterSeconds: 9 });
	});
});

import { describe, expect, it } from 'vitest';
import { createInFlight, inFlightKey } from '../../../src/revalidate/in-flight.ts';

describe('createInFlight', () => {
	it('gives keys to one holder at a time', () => {
		const inFlight = createInFlight();
		const release = inFlight.tryAcquire(['a', 'b']);
		expect(release).toBeTypeOf('function');
		expect(inFlight.tryAcquire(['b'])).toBeUndefined();
		expect(inFlight.tryAcquire(['c', 'a'])).toBeUndefined();
		release!();
		expect(inFlight.tryAcquire(['a', 'b'])).toBeTypeOf('function');
	});

	it('takes no key when one of them is held, so a refused caller blocks nobody', () => {
		const inFlight = createInFlight();
		inFlight.tryAcquire(['a']);
		expect(inFlight.tryAcquire(['a', 'b'])).toBeUndefined();
		expect(inFlight.tryAcquire(['b'])).toBeTypeOf('function');
	});

	it('ignores a second release, which could otherwise free another holder', () => {
		const inFlight = createInFlight();
		const first = inFlight.tryAcquire(['a'])!;
		first();
		inFlight.tryAcquire(['a']);
		first();
		expect(inFlight.tryAcquire(['a'])).toBeUndefined();
	});

	it('keys a path per host', () => {
		expect(inFlightKey('a.example.com', '/isr')).not.toBe(inFlightKey('b.example.com', '/isr'));
	});
});

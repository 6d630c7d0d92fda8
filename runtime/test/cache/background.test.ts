import { describe, expect, it } from 'vitest';
import { createBackgroundWork, createSingleFlight } from '../../cache/background.ts';
import { deferred } from './support.ts';

describe('createBackgroundWork', () => {
	it('settles only after every added promise, including ones added meanwhile', async () => {
		const work = createBackgroundWork(() => undefined);
		const first = deferred<void>();
		const second = deferred<void>();
		const done: string[] = [];
		work.add(
			first.promise.then(() => {
				done.push('first');
				work.add(second.promise.then(() => done.push('second')));
			}),
		);
		const settled = work.settled().then(() => done.push('settled'));
		first.resolve();
		await Promise.resolve();
		second.resolve();
		await settled;
		expect(done).toEqual(['first', 'second', 'settled']);
	});

	it('reports a rejection to onError and still settles', async () => {
		const errors: unknown[] = [];
		const { add, settled } = createBackgroundWork((error) => errors.push(error));
		add(Promise.reject(new Error('late failure')));
		await expect(settled()).resolves.toBeUndefined();
		expect(errors).toEqual([new Error('late failure')]);
	});
});

describe('createSingleFlight', () => {
	it('shares one flight per key until it settles', async () => {
		const flights = createSingleFlight<number>();
		const gate = deferred<number>();
		let starts = 0;
		const start = () => {
			starts += 1;
			return gate.promise;
		};
		const a = flights.join('k', start);
		const b = flights.join('k', start);
		expect(flights.has('k')).toBe(true);
		gate.resolve(7);
		expect(await Promise.all([a, b])).toEqual([7, 7]);
		expect(starts).toBe(1);
		expect(flights.has('k')).toBe(false);
	});

	it('lets start replace a flight that later joins share', async () => {
		const flights = createSingleFlight<string>();
		const old = deferred<string>();
		flights.join('k', () => old.promise);
		const replacement = flights.start('k', async () => 'new');
		expect(await flights.join('k', async () => 'unused')).toBe('new');
		old.resolve('old');
		await replacement;
		expect(flights.has('k')).toBe(false);
	});
});

import { describe, expect, it } from 'vitest';
import { createRetryTimes, MAX_RETRY_KEYS } from '../../cache/retry-times.ts';
import { START } from './support.ts';

describe('createRetryTimes', () => {
	it('answers 0 for a key without a failure, and the retry time until it is deleted', () => {
		const times = createRetryTimes();
		expect(times.get('isr:a.test/_isr')).toBe(0);
		times.set('isr:a.test/_isr', START);
		expect(times.get('isr:a.test/_isr')).toBe(START);
		times.delete('isr:a.test/_isr');
		expect(times.get('isr:a.test/_isr')).toBe(0);
	});

	it('forgets the least recently used key past its bound', () => {
		const times = createRetryTimes(2);
		times.set('a', 1);
		times.set('b', 2);
		times.get('a');
		times.set('c', 3);
		expect([times.get('a'), times.get('b'), times.get('c')]).toEqual([1, 0, 3]);
	});

	it('remembers 10,000 keys by default', () => {
		expect(MAX_RETRY_KEYS).toBe(10_000);
	});
});

import { describe, expect, it } from 'vitest';
import { RETRY_AFTER_FAILURE_MS } from '../../cache/prerender-policy.ts';
import { planRegeneration } from '../../cache/regeneration-plan.ts';
import { START } from './support.ts';

const rendered = (generation: number, hasFallback = false) => ({
	cacheable: true,
	generation,
	hasFallback,
});
const failed = (generation: number, hasFallback = false) => ({
	cacheable: false,
	generation,
	hasFallback,
});

describe('planRegeneration', () => {
	it('stores a cacheable render and clears the retry delay, answering as asked', () => {
		expect(planRegeneration(rendered(2), undefined, START)).toEqual({
			store: true,
			retryAfter: 'clear',
			answerAs: undefined,
		});
		expect(planRegeneration(rendered(2), { generation: 1 }, START).store).toBe(true);
	});

	it('never lets an older render replace a newer entry, nor touches its retry delay', () => {
		expect(planRegeneration(rendered(1), { generation: 2 }, START)).toEqual({
			store: false,
			retryAfter: undefined,
			answerAs: undefined,
		});
	});

	it('keeps the last good entry after a failure, answers MISS and retries 30 s later', () => {
		expect(planRegeneration(failed(2), { generation: 1 }, START)).toEqual({
			store: false,
			retryAfter: START + RETRY_AFTER_FAILURE_MS,
			answerAs: 'MISS',
		});
	});

	it('delays a failing key that has only its fallback, but not a cold key without one', () => {
		const withFallback = planRegeneration(failed(1, true), undefined, START);
		expect(withFallback.retryAfter).toBe(START + RETRY_AFTER_FAILURE_MS);
		expect(planRegeneration(failed(1), undefined, START)).toMatchObject({
			retryAfter: undefined,
			answerAs: 'MISS',
		});
	});

	it('does not delay a key whose newer render was stored while this one failed', () => {
		expect(planRegeneration(failed(1), { generation: 2 }, START).retryAfter).toBeUndefined();
	});
});

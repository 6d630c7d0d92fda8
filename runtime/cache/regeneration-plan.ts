/**
 * What to do once a prerender render has finished, as a pure answer of (outcome, stored entry,
 * now): whether to store it, when the key may regenerate in the background again, and which cache
 * status the waiting visitor gets. The cache carries it out, as `http-cache-semantics` returns
 * "what to do next" for its caller to do.
 *
 * @see https://vercel.com/docs/incremental-static-regeneration ("On failure")
 * @see docs/vercel-isr-semantics.md §2.2
 */
import { CACHE_STATUS, type CacheStatus } from '../wire.ts';
import { RETRY_AFTER_FAILURE_MS } from './prerender-policy.ts';

export interface RenderOutcome {
	/** A cacheable status; false for any other status, a throw or a timeout. */
	readonly cacheable: boolean;
	/** Order in which this render started. */
	readonly generation: number;
	/** Whether the output has a fallback file. */
	readonly hasFallback: boolean;
}

export interface RegenerationPlan {
	/** Store the render: it is cacheable and no newer render was stored meanwhile. */
	readonly store: boolean;
	/**
	 * The key's background-retry instant: a time to set, `'clear'` to forget it, or undefined to
	 * leave it as it is.
	 */
	readonly retryAfter: number | 'clear' | undefined;
	/** The cache status the waiting visitor gets instead of the one asked for, if any. */
	readonly answerAs: CacheStatus | undefined;
}

/**
 * A cacheable render is stored unless a render that started later was stored first (an older one
 * never replaces a newer entry), and then clears the key's retry delay. A failed render keeps the
 * last good entry (or the fallback), answers `MISS` (never `REVALIDATED`), and delays the next
 * background try by 30 s, unless a newer entry was stored meanwhile or a cold key without a
 * fallback has nothing to delay (its next visitor renders in the foreground anyway).
 */
export function planRegeneration(
	outcome: RenderOutcome,
	stored: { readonly generation: number } | undefined,
	now: number,
): RegenerationPlan {
	if (outcome.cacheable) {
		const store = stored === undefined || stored.generation < outcome.generation;
		return { store, retryAfter: store ? 'clear' : undefined, answerAs: undefined };
	}
	const nothingToDelay =
		stored === undefined ? !outcome.hasFallback : stored.generation > outcome.generation;
	return {
		store: false,
		retryAfter: nothingToDelay ? undefined : now + RETRY_AFTER_FAILURE_MS,
		answerAs: CACHE_STATUS.MISS,
	};
}

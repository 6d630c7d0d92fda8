/**
 * Slows down guessing of `ADMIN_SECRET`, per instance and per client key (the client's IP).
 *
 * The first {@link FREE_FAILURES} wrong secrets are answered at once. After that the key must
 * wait before its next attempt: 30 s after the 5th failure, doubling with each further one, at
 * most 15 min. Any attempt during the wait is refused with 429 and `Retry-After` without the
 * secret being checked. A key's record is forgotten an hour after its last failure, or at once on
 * a correct secret. Only the latest {@link MAX_KEYS} keys are remembered, so memory is bounded.
 *
 * The state lives in one function instance: on Vercel each instance throttles on its own, which
 * bounds guessing per instance rather than globally. A 32-character secret keeps that ample.
 *
 * @see https://cheatsheetseries.owasp.org/cheatsheets/Authentication_Cheat_Sheet.html#protect-against-automated-attacks
 */
export const FREE_FAILURES = 5;
export const FIRST_WAIT_MS = 30_000;
export const MAX_WAIT_MS = 15 * 60_000;
export const FORGET_AFTER_MS = 60 * 60_000;
export const MAX_KEYS = 10_000;

interface Failures {
	readonly count: number;
	readonly lastAt: number;
}

export type ThrottleDecision =
	{ readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/** How long a key with `count` failures waits after its last one. */
export function waitAfter(count: number): number {
	if (count < FREE_FAILURES) return 0;
	return Math.min(FIRST_WAIT_MS * 2 ** (count - FREE_FAILURES), MAX_WAIT_MS);
}

export class SignInThrottle {
	readonly #failures = new Map<string, Failures>();

	/** Whether `key` may try a secret at `now` (epoch ms). */
	check(key: string, now: number): ThrottleDecision {
		const record = this.#current(key, now);
		if (!record) return { allowed: true };
		const until = record.lastAt + waitAfter(record.count);
		if (until <= now) return { allowed: true };
		return { allowed: false, retryAfterSeconds: Math.ceil((until - now) / 1000) };
	}

	recordFailure(key: string, now: number): void {
		const count = (this.#current(key, now)?.count ?? 0) + 1;
		// Re-inserting keeps the Map in order of last failure, oldest first.
		this.#failures.delete(key);
		this.#failures.set(key, { count, lastAt: now });
		if (this.#failures.size > MAX_KEYS) {
			this.#failures.delete(this.#failures.keys().next().value!);
		}
	}

	recordSuccess(key: string): void {
		this.#failures.delete(key);
	}

	#current(key: string, now: number): Failures | undefined {
		const record = this.#failures.get(key);
		if (record && now - record.lastAt >= FORGET_AFTER_MS) {
			this.#failures.delete(key);
			return undefined;
		}
		return record;
	}
}

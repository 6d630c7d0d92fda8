/**
 * What a cached page says about its own copy: how long it stays fresh and what the next visit
 * does after that. Pure, so the server (absolute times, right on every HIT) and the browser (a
 * countdown from the same two instants) say the same thing.
 *
 * The next-visit rule is stale-while-revalidate: docs/vercel-isr-semantics.md, and
 * https://vercel.com/docs/incremental-static-regeneration#caching-behavior
 */

export const STALE_NEXT =
	'stale now: the next visit gets this copy and regenerates it in the background';
export const KEPT_UNTIL_REVALIDATED = 'kept until revalidated or redeployed';

const clockFormat = new Intl.DateTimeFormat('en-GB', {
	timeStyle: 'medium',
	timeZone: 'UTC',
	hourCycle: 'h23',
});

/** `14:03:30 UTC`. */
export function formatClock(date: Date): string {
	return `${clockFormat.format(date)} UTC`;
}

/** Follows "fresh until <time>" in the HTML, whose text stays true however long the copy is served. */
export const AFTER_EXPIRY =
	'after that the next visit gets this copy and regenerates it in the background';

/** The live text at `now` (ms): a countdown while fresh, then what the next visit does. */
export function liveClockText(now: number, expiresAt: number | null): string {
	if (expiresAt === null) return KEPT_UNTIL_REVALIDATED;
	const seconds = Math.ceil((expiresAt - now) / 1000);
	return seconds > 0 ? `fresh for ${seconds} s more` : STALE_NEXT;
}

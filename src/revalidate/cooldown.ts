/**
 * The public button's rate limit, without state: a visitor may regenerate a path only when the
 * copy the edge serves now is at least `cooldownSeconds` old. The render time comes from the
 * cached response itself, so the limit holds across any number of serverless instances.
 */

export type CooldownDecision =
	{ readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/** `renderedAt` is the render time of the copy the edge serves now. */
export function decideCooldown(
	renderedAt: Date,
	now: number,
	cooldownSeconds: number,
): CooldownDecision {
	const remainingMs = renderedAt.getTime() + cooldownSeconds * 1000 - now;
	if (remainingMs <= 0) return { allowed: true };
	// A render time in the future (clock skew) never means a longer wait than the cooldown.
	return {
		allowed: false,
		retryAfterSeconds: Math.min(cooldownSeconds, Math.ceil(remainingMs / 1000)),
	};
}

/** The strictest of several decisions: allowed only when every path is, else the longest wait. */
export function combineCooldowns(decisions: readonly CooldownDecision[]): CooldownDecision {
	const waits = decisions.flatMap((decision) =>
		decision.allowed ? [] : [decision.retryAfterSeconds],
	);
	return waits.length === 0
		? { allowed: true }
		: { allowed: false, retryAfterSeconds: Math.max(...waits) };
}

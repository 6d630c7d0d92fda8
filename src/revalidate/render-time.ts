import { combineCooldowns, decideCooldown } from './cooldown.ts';
import { RevalidateError } from './errors.ts';
import type { Target } from './hosts.ts';
import { fetchFromSite, readGeneratedAt, type SiteFetchOptions } from './revalidate.ts';

/**
 * The render time of the copy the edge serves for `path` now, read from a plain `GET` without
 * any token (so nothing is regenerated), or `undefined` when it cannot be read.
 */
export async function readServedRenderTime(
	target: Target,
	path: string,
	options: SiteFetchOptions,
): Promise<Date | undefined> {
	try {
		const response = await fetchFromSite(target, path, options);
		await response.body?.cancel();
		return readGeneratedAt(response.headers);
	} catch {
		return undefined;
	}
}

/**
 * Seconds a visitor must wait before regenerating `requested` (the body's paths, duplicates
 * included, so errors can name an index), or `undefined` when every path is old enough.
 * Throws `render_time_unavailable` when a render time cannot be read: nothing is regenerated.
 */
export async function publicRetryAfter(
	requested: readonly string[],
	target: Target,
	options: SiteFetchOptions,
	now: () => number,
	cooldownSeconds: number,
): Promise<number | undefined> {
	const paths = [...new Set(requested)];
	const renderTimes = await Promise.all(
		paths.map((path) => readServedRenderTime(target, path, options)),
	);
	const at = now();
	const decisions = renderTimes.map((renderedAt, unique) => {
		if (renderedAt === undefined) {
			const index = requested.indexOf(paths[unique]!);
			throw new RevalidateError(
				'render_time_unavailable',
				`Could not read the current render time of paths[${index}]; nothing was regenerated. Try again later.`,
				index,
			);
		}
		return decideCooldown(renderedAt, at, cooldownSeconds);
	});
	const combined = combineCooldowns(decisions);
	return combined.allowed ? undefined : combined.retryAfterSeconds;
}

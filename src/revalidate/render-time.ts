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

/**
 * Revalidates the pages a content change touches, from server code (the editor's Save and
 * Delete, its Retry button): tags of the change → their ISR paths → one verified result per path
 * and host, as `POST /api/revalidate` reports them. Never throws for a page that could not be
 * refreshed: every such page comes back as a `FAILED` result with its reason.
 */
import type { PostChange } from '../store/post.ts';
import { RevalidateError } from './errors.ts';
import { revalidationTargets, type HostEnv } from './hosts.ts';
import type { RevalidationResult } from './results.ts';
import { revalidatePaths } from './revalidate.ts';
import { pathsForTags, tagsForChange } from './tags.ts';

export interface RevalidateChangeDeps {
	/** The request URL as the site sees it: its host is revalidated first. */
	readonly url: URL;
	readonly env: HostEnv & { readonly VERCEL_AUTOMATION_BYPASS_SECRET?: string | undefined };
	readonly bypassToken: string;
	readonly fetch: typeof fetch;
	readonly timeoutMs?: number;
}

/** `publishedCount`: the posts published after the change, for the pages of `/blog` it touches. */
export function pathsForChange(change: PostChange, publishedCount = 0): string[] {
	return pathsForTags(tagsForChange(change), publishedCount);
}

/** One result per path and host (paths outer); an unknown request host fails every path. */
export async function revalidateContentPaths(
	paths: readonly string[],
	deps: RevalidateChangeDeps,
): Promise<RevalidationResult[]> {
	if (paths.length === 0) return [];
	let targets;
	try {
		targets = revalidationTargets(deps.url, deps.env);
	} catch (error) {
		if (!(error instanceof RevalidateError)) throw error;
		return paths.map((path) => ({
			path,
			host: deps.url.host,
			status: 'FAILED',
			httpStatus: null,
			reason: error.message,
		}));
	}
	return revalidatePaths(paths, targets, {
		fetch: deps.fetch,
		bypassToken: deps.bypassToken,
		protectionBypass: deps.env.VERCEL_AUTOMATION_BYPASS_SECRET,
		...(deps.timeoutMs === undefined ? {} : { timeoutMs: deps.timeoutMs }),
	});
}

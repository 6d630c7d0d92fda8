/**
 * How `POST /api/revalidate` turns `{"tags": [...]}` into paths. An external CMS's webhook
 * names what changed (`post:hello-world`, `posts`) without knowing the site's URLs.
 */
import { RevalidateError } from './errors.ts';
import type { Target } from './hosts.ts';
import { MAX_PATHS } from './paths.ts';
import { pathsForTags } from './tags.ts';

/** The named paths followed by the paths the tags resolve to, in that order (repeats kept for `paths`' indexes). */
export function withTaggedPaths(
	paths: readonly string[],
	tags: readonly string[],
	publishedCount = 0,
): string[] {
	return [...paths, ...pathsForTags(tags, publishedCount).filter((path) => !paths.includes(path))];
}

/** A request with tags renders at most `MAX_PATHS` pages in all: paths × hosts. */
export function checkTaggedFanOut(paths: readonly string[], targets: readonly Target[]): void {
	const renders = paths.length * targets.length;
	if (renders > MAX_PATHS) {
		throw new RevalidateError(
			'invalid_body',
			`The paths and tags resolve to ${paths.length} paths on ${targets.length} hosts (${renders} renders); at most ${MAX_PATHS} are allowed per request. Split the request.`,
		);
	}
}

/**
 * Pure checks over `.vercel/output/config.json` routes: which request paths reach the ISR
 * (prerender) function. The ISR function caches whatever it answers, so an API endpoint routed
 * there would be cached by accident.
 *
 * @see https://vercel.com/docs/build-output-api/configuration#routes
 */

interface RouteLike {
	src?: unknown;
	dest?: unknown;
	continue?: unknown;
	caseSensitive?: unknown;
}

/** The `dest` of the first route that would handle `pathname` (routes with `continue` only add headers). */
export function findDestination(routes: readonly unknown[], pathname: string): string | undefined {
	for (const route of routes as RouteLike[]) {
		if (typeof route.src !== 'string' || typeof route.dest !== 'string') continue;
		if (route.continue === true) continue;
		const pattern = new RegExp(route.src, route.caseSensitive === true ? '' : 'i');
		if (pattern.test(pathname)) return route.dest;
	}
	return undefined;
}

/** `_isr`, or a rule's own prerender function `_isr-<route>` (./rule-output.ts). */
export function isIsrDestination(dest: string | undefined): boolean {
	return dest !== undefined && /^\/?_isr(-[a-z0-9-]+)?(\?|$)/.test(dest);
}

/** A request path that an Astro route pattern matches: `/api/[id]` → `/api/id`, `/[...rest]` → `/rest/rest`. */
export function samplePathFor(routePattern: string): string {
	return routePattern.replace(/\[\.\.\.([^\]]+)\]/g, '$1/$1').replace(/\[([^\]]+)\]/g, '$1');
}

/** The paths among `paths` that the routes send to the ISR function. */
export function findIsrRoutedPaths(routes: readonly unknown[], paths: readonly string[]): string[] {
	return paths.filter((path) => isIsrDestination(findDestination(routes, path)));
}

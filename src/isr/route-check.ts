/**
 * Which request paths the build output sends to a prerender (ISR) function, asked of the local
 * runtime's router, so the build check and `npm start` read `config.json` the same way (phases,
 * anchoring, case, the filesystem). A prerender function caches whatever it answers, so an API
 * endpoint routed there would be cached by accident.
 *
 * @see https://vercel.com/docs/build-output-api/configuration#routes
 */
import {
	createRouter,
	type FilesystemIndex,
	type Route,
	type RouteResult,
} from '@astro-isr/vercel-runtime/routing';

const ORIGIN = 'http://localhost';
/** A plain GET with no headers, as a visitor's first request would be. */
const GET = { method: 'GET', headers: new Headers() } as const;

/** Where a GET for `path` ends: the output the router finds, a redirect, a proxy or nothing. */
export function routeOf(
	routes: readonly Route[],
	files: FilesystemIndex,
	path: string,
): RouteResult {
	return createRouter(routes, files)(GET, new URL(path, ORIGIN));
}

/** A request path that an Astro route pattern matches: `/api/[id]` → `/api/id`, `/[...rest]` → `/rest/rest`. */
export function samplePathFor(routePattern: string): string {
	return routePattern.replace(/\[\.\.\.([^\]]+)\]/g, '$1/$1').replace(/\[([^\]]+)\]/g, '$1');
}

/** The paths among `paths` that the routes send to a prerender function. */
export function findIsrRoutedPaths(
	routes: readonly Route[],
	files: FilesystemIndex,
	paths: readonly string[],
): string[] {
	const router = createRouter(routes, files);
	return paths.filter((path) => router(GET, new URL(path, ORIGIN)).kind === 'prerender');
}

/**
 * The only way a page reads its query: the parameters its route rule allows (`allowQuery`), with
 * values its rule accepts. Vercel keys an ISR entry by exactly these and strips the rest before
 * the render, so a page reading any other parameter would render for one visitor what is stored
 * for all (tests/site/pages/query-reads.test.ts fails when a page does).
 *
 * @see https://vercel.com/docs/build-output-api/primitives#prerender-configuration-file (allowQuery)
 */
import type { RouteRules } from './route-rules.ts';

/** The allowed parameters of `url` for the route `routePattern`; every other one is left out. */
export function allowedQuery(url: URL, routePattern: string, rules: RouteRules): URLSearchParams {
	const rule = rules[routePattern];
	const allowed = new URLSearchParams();
	for (const name of rule?.allowQuery ?? []) {
		const value = url.searchParams.get(name);
		const pattern = rule?.queryValues[name];
		if (value !== null && pattern !== undefined && new RegExp(pattern).test(value)) {
			allowed.set(name, value);
		}
	}
	return allowed;
}

/**
 * Route phases: the routes before the first `{ handle }` form phase `none`; each handle starts a
 * phase. Order: none → filesystem → rewrite → resource → miss, then hit (after a match) or error
 * (after a miss).
 *
 * @see https://vercel.com/docs/build-output-api/configuration#handler-route
 * @see https://github.com/cloudflare/next-on-pages/blob/main/packages/next-on-pages/templates/_worker.js/utils/routing.ts
 */
import {
	isHandleRoute,
	type HandleValue,
	type Route,
	type SourceRoute,
} from '../output/config-schema.ts';

export type Phase = 'none' | HandleValue;

export function groupByPhase(routes: readonly Route[]): ReadonlyMap<Phase, readonly SourceRoute[]> {
	const phases = new Map<Phase, SourceRoute[]>([['none', []]]);
	let current: SourceRoute[] = phases.get('none') ?? [];
	for (const route of routes) {
		if (isHandleRoute(route)) {
			current = [];
			phases.set(route.handle, current);
		} else {
			current.push(route);
		}
	}
	return phases;
}

const SEARCH_ORDER: readonly Phase[] = ['none', 'filesystem', 'rewrite', 'resource', 'miss'];

/** The phase searched after `phase` when the path is still not found. */
export function nextPhase(phase: Phase): Phase {
	const index = SEARCH_ORDER.indexOf(phase);
	return index === -1 ? 'miss' : (SEARCH_ORDER[index + 1] ?? 'miss');
}

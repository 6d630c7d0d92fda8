/**
 * The request headers a stored prerender render receives, whoever's request triggered it. What it
 * renders is served to every visitor, so no single visitor's cookies, credentials or `x-*`
 * headers may shape it, or make it fail (spec §2.4, §9.4 [U]; runtime README choice 13).
 */
import { ROUTE_MATCHES_HEADER } from '../wire.ts';
import type { PrerenderConfig } from '../output/prerender-config.ts';

/** Names a render as the runtime's own, so a function's logs can tell it from a visitor. */
export const RENDER_USER_AGENT = 'vercel-runtime-regeneration';

const FIXED: readonly (readonly [string, string])[] = [
	['user-agent', RENDER_USER_AGENT],
	['accept', '*/*'],
	['accept-encoding', 'identity'],
];

export interface RenderHeaderOptions {
	/**
	 * Whether the triggering request's `x-now-route-matches` belongs to this output. It does for
	 * the output routing chose; a group member reached through another output's route has none.
	 */
	readonly routeMatches: boolean;
}

/**
 * `host`, `x-now-route-matches` (set by routing, never by the visitor), a fixed `user-agent`,
 * `accept` and `accept-encoding`, and the visitor's headers the output names in `allowHeader`.
 * Nothing else: no cookies, no `authorization`, no other `x-*` header.
 */
export function renderHeaders(
	visitor: Headers,
	config: Pick<PrerenderConfig, 'allowHeader'>,
	options: RenderHeaderOptions,
): Headers {
	const headers = new Headers(FIXED as [string, string][]);
	const host = visitor.get('host');
	if (host !== null) headers.set('host', host);
	const matches = visitor.get(ROUTE_MATCHES_HEADER);
	if (options.routeMatches && matches !== null) headers.set(ROUTE_MATCHES_HEADER, matches);
	for (const name of config.allowHeader ?? []) {
		const value = visitor.get(name);
		if (value !== null) headers.set(name, value);
	}
	return headers;
}

/**
 * The site's caching policy: one function decides, per route and status, what browsers and
 * Vercel's edge may keep, and one writes those headers. Pages never write cache headers.
 *
 * - Browsers revalidate every time (`public, max-age=0, must-revalidate`): a revalidated page is
 *   visible on the next load instead of after a browser TTL nobody can purge.
 * - The edge lifetime of ISR pages comes from the prerender config's `expiration`: the route's
 *   rule (`ROUTE_RULES` in ./config.ts, emitted as its own prerender function), else the site-wide
 *   one. Only a lifetime no rule can say, that of 404s, is asked for with `Vercel-CDN-Cache-Control`
 *   (consumed by Vercel, never forwarded); what Vercel does with it on an ISR response is not
 *   documented (spec §9, [U]), though `@astrojs/vercel` says the function's cache headers are respected.
 * - Excluded routes (`/ssr`, `/api/*`) and admin pages are never stored anywhere (`no-store`).
 * - `/_astro/*` assets are content-hashed and immutable: `@astrojs/vercel` adds that header as a route.
 *
 * @see https://vercel.com/docs/caching/cache-control-headers
 * @see https://docs.astro.build/en/guides/integrations-guide/vercel/#isr
 */
import {
	DEFAULT_BROWSER_CACHE_CONTROL,
	VERCEL_CDN_CACHE_CONTROL_HEADER,
} from '@astro-isr/vercel-runtime/wire';
import type { IsrConfig } from './config.ts';
import { routeKindOf, SECURITY_POLICIES } from './security-headers.ts';

/** The platform's own default, sent explicitly so it does not depend on a platform default. */
export const BROWSER_REVALIDATE = DEFAULT_BROWSER_CACHE_CONTROL;
export const NO_STORE = 'no-store';

/** A 404 rendered by the ISR function is kept at most this long, so a post published later shows up soon. */
export const NOT_FOUND_EDGE_SECONDS = 10;

export interface CachePolicy {
	/** `isr`: cached by the ISR function; `no-store`: always rendered fresh. */
	readonly kind: 'isr' | 'no-store';
	/** Seconds the edge keeps the response, or `false` until revalidated; `null` when never stored. */
	readonly edgeSeconds: number | false | null;
	readonly headers: Readonly<Record<string, string>>;
}

type PolicyConfig = Pick<IsrConfig, 'expiration' | 'exclude'> &
	Partial<Pick<IsrConfig, 'routeRules'>>;

/** The `expiration` of the prerender function serving `routePattern`: its rule's, else the site's. */
export function expirationFor(routePattern: string, config: PolicyConfig): number | false {
	return config.routeRules?.[routePattern]?.expiration ?? config.expiration;
}

/** Whether `@astrojs/vercel` sends this Astro route pattern to `_render` instead of `_isr` (same test as the adapter). */
export function isExcludedRoute(routePattern: string, exclude: PolicyConfig['exclude']): boolean {
	return exclude.some((entry) =>
		entry instanceof RegExp ? entry.test(routePattern) : entry === routePattern,
	);
}

export function cachePolicyFor(
	routePattern: string,
	status: number,
	config: PolicyConfig,
): CachePolicy {
	// Admin pages are never stored, even if a change to `exclude` sent them to the ISR function. A
	// failed render is never kept, by browsers either, so the next request tries again; the edge
	// keeps serving its last good copy meanwhile.
	// https://vercel.com/docs/incremental-static-regeneration#caching-behavior
	const adminOnly = SECURITY_POLICIES[routeKindOf(routePattern)].noStore;
	if (adminOnly || isExcludedRoute(routePattern, config.exclude) || status >= 500) {
		return { kind: 'no-store', edgeSeconds: null, headers: { 'cache-control': NO_STORE } };
	}
	const expiration = expirationFor(routePattern, config);
	const requested = status === 404 ? NOT_FOUND_EDGE_SECONDS : undefined;
	// With `expiration: false` Vercel ignores the function's cache headers, so a shorter
	// lifetime cannot be asked for: https://github.com/withastro/docs/pull/12954
	if (requested === undefined || expiration === false || requested >= expiration) {
		return {
			kind: 'isr',
			edgeSeconds: expiration,
			headers: { 'cache-control': BROWSER_REVALIDATE },
		};
	}
	return {
		kind: 'isr',
		edgeSeconds: requested,
		headers: {
			'cache-control': BROWSER_REVALIDATE,
			[VERCEL_CDN_CACHE_CONTROL_HEADER]: `max-age=${requested}`,
		},
	};
}

/** When a render made at `generatedAt` leaves the edge, or `null` when only revalidation ends it. */
export function expiresAt(generatedAt: Date, policy: CachePolicy): Date | null {
	return typeof policy.edgeSeconds === 'number'
		? new Date(generatedAt.getTime() + policy.edgeSeconds * 1000)
		: null;
}

export function applyCachePolicy(headers: Headers, policy: CachePolicy): void {
	for (const [name, value] of Object.entries(policy.headers)) headers.set(name, value);
}

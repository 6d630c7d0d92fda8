/**
 * Wire names of the Vercel platform that both the site and the local runtime speak, exported as
 * `@astro-isr/vercel-runtime/wire`. Dependency-free (no imports), so site code and function
 * bundles can take it without the runtime. Defined once here so a typo cannot make revalidation
 * silently do nothing.
 *
 * @see https://vercel.com/docs/build-output-api/features#on-demand-incremental-static-regeneration-isr
 * @see https://vercel.com/docs/caching/cache-status
 */

/** Request header that makes a prerender function regenerate in the foreground. */
export const PRERENDER_REVALIDATE_HEADER = 'x-prerender-revalidate';

/** Cookie that makes a prerender function render fresh without storing (Draft Mode). */
export const PRERENDER_BYPASS_COOKIE = '__prerender_bypass';

/** Response header carrying the cache status. */
export const VERCEL_CACHE_HEADER = 'x-vercel-cache';

/** Values of `x-vercel-cache`, in the platform's own words. */
export const CACHE_STATUS = {
	HIT: 'HIT',
	MISS: 'MISS',
	STALE: 'STALE',
	PRERENDER: 'PRERENDER',
	REVALIDATED: 'REVALIDATED',
	BYPASS: 'BYPASS',
} as const;
export type CacheStatus = (typeof CACHE_STATUS)[keyof typeof CACHE_STATUS];

/** Targeted CDN cache headers, strongest first. @see https://vercel.com/docs/caching/cache-control-headers */
export const VERCEL_CDN_CACHE_CONTROL_HEADER = 'vercel-cdn-cache-control';
export const CDN_CACHE_CONTROL_HEADER = 'cdn-cache-control';

/** Header that lets automation through Deployment Protection. @see https://vercel.com/docs/deployment-protection/methods-to-bypass-deployment-protection/protection-bypass-automation */
export const PROTECTION_BYPASS_HEADER = 'x-vercel-protection-bypass';

/**
 * Statuses a function's response may be cached with, by the prerender (ISR) cache and the CDN
 * cache alike.
 * @see https://vercel.com/docs/incremental-static-regeneration
 * @see https://vercel.com/docs/caching/cdn-cache
 */
export const CACHEABLE_STATUSES: ReadonlySet<number> = new Set([200, 301, 302, 307, 308, 404, 410]);

/** `Cache-Control` the platform sends to browsers when the function set none. @see https://vercel.com/docs/headers/response-headers */
export const DEFAULT_BROWSER_CACHE_CONTROL = 'public, max-age=0, must-revalidate';

/** Response header naming a platform error, e.g. `FUNCTION_INVOCATION_TIMEOUT`. @see https://vercel.com/docs/errors */
export const VERCEL_ERROR_HEADER = 'x-vercel-error';

/**
 * Request header the platform sends to prerender functions with the matched route's captures,
 * form-encoded. Undocumented (spec §2.4 [U]); Nitro reads it. @see https://github.com/nitrojs/nitro/pull/3539
 */
export const ROUTE_MATCHES_HEADER = 'x-now-route-matches';

/**
 * Request headers Vercel sets from the connection, overwriting any a visitor sends ("to prevent
 * IP spoofing"), so a function can trust them.
 * @see https://vercel.com/docs/headers/request-headers
 */
export const FORWARDED_FOR_HEADER = 'x-forwarded-for';
export const REAL_IP_HEADER = 'x-real-ip';
export const FORWARDED_HOST_HEADER = 'x-forwarded-host';
export const FORWARDED_PROTO_HEADER = 'x-forwarded-proto';

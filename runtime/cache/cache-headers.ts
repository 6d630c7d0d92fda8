/**
 * Reading a function response's CDN cache headers, and what of them the browser sees.
 *
 * @see https://vercel.com/docs/caching/cache-control-headers
 * @see docs/vercel-isr-semantics.md §4
 */
import { parse, type CacheControl } from '@tusbar/cache-control';
import {
	CDN_CACHE_CONTROL_HEADER,
	DEFAULT_BROWSER_CACHE_CONTROL,
	VERCEL_CDN_CACHE_CONTROL_HEADER,
} from '../wire.ts';

export type CacheDirectivesSource =
	typeof VERCEL_CDN_CACHE_CONTROL_HEADER | typeof CDN_CACHE_CONTROL_HEADER | 'cache-control';

export interface CacheDirectives {
	readonly source: CacheDirectivesSource;
	readonly directives: CacheControl;
}

// Strongest first: https://vercel.com/docs/caching/cache-control-headers
const PRECEDENCE: readonly CacheDirectivesSource[] = [
	VERCEL_CDN_CACHE_CONTROL_HEADER,
	CDN_CACHE_CONTROL_HEADER,
	'cache-control',
];

/** The directives of the first present header of `Vercel-CDN-Cache-Control` > `CDN-Cache-Control` > `Cache-Control`. */
export function selectCacheDirectives(headers: Headers): CacheDirectives | undefined {
	for (const source of PRECEDENCE) {
		const value = headers.get(source);
		if (value !== null) return { source, directives: parse(value) };
	}
	return undefined;
}

/**
 * Seconds the CDN may keep the response fresh: `s-maxage`, or in the targeted headers also
 * `max-age` (`s-maxage` wins, as for any shared cache). Undefined when none is given.
 */
export function edgeLifetimeSeconds(selected: CacheDirectives): number | undefined {
	const { directives } = selected;
	if (directives.sharedMaxAge !== null) return directives.sharedMaxAge;
	if (selected.source !== 'cache-control' && directives.maxAge !== null) return directives.maxAge;
	return undefined;
}

const SHARED_DIRECTIVE = /^\s*(s-maxage|stale-while-revalidate)\s*(=|$)/i;
// Commas inside quoted strings (`private="a, b"`) do not separate directives.
const DIRECTIVE_SEPARATOR = /,(?=(?:[^"]*"[^"]*")*[^"]*$)/;

/** `value` without `s-maxage` and `stale-while-revalidate`, other directives kept verbatim. */
export function withoutSharedDirectives(value: string): string {
	if (!/s-maxage|stale-while-revalidate/i.test(value)) return value;
	return value
		.split(DIRECTIVE_SEPARATOR)
		.filter((directive) => directive.trim() !== '' && !SHARED_DIRECTIVE.test(directive))
		.map((directive) => directive.trim())
		.join(', ');
}

/**
 * The headers a browser sees. `Vercel-CDN-Cache-Control` is consumed; `CDN-Cache-Control` is
 * forwarded; `Cache-Control` loses `s-maxage`/`stale-while-revalidate` when `stripShared` (the
 * CDN used it) and falls back to the platform default when absent or emptied.
 *
 * @see https://vercel.com/docs/caching/cache-control-headers
 * @see https://vercel.com/docs/headers/response-headers
 */
export function browserHeaders(headers: Headers, stripShared: boolean): Headers {
	const result = new Headers(headers);
	result.delete(VERCEL_CDN_CACHE_CONTROL_HEADER);
	const cacheControl = result.get('cache-control');
	const forwarded =
		cacheControl !== null && stripShared ? withoutSharedDirectives(cacheControl) : cacheControl;
	result.set('cache-control', forwarded || DEFAULT_BROWSER_CACHE_CONTROL);
	return result;
}

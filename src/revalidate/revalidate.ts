/**
 * Revalidates ISR paths the way Vercel documents it: `GET <path>` on the public URL with
 * `x-prerender-revalidate: <bypassToken>`, which regenerates the page in the foreground and
 * answers `x-vercel-cache: REVALIDATED`. Anything else means the cache was not refreshed; the
 * last good copy stays served.
 *
 * @see https://vercel.com/docs/build-output-api/features#on-demand-incremental-static-regeneration-isr
 * @see https://github.com/vercel/examples/blob/main/build-output-api/on-demand-isr/.vercel/output/functions/revalidate.func/index.js
 */
import pLimit from 'p-limit';
import { GENERATED_AT_HEADER } from '../isr/wire.ts';
import {
	CACHE_STATUS,
	CACHEABLE_STATUSES,
	PRERENDER_REVALIDATE_HEADER,
	PROTECTION_BYPASS_HEADER,
	VERCEL_CACHE_HEADER,
} from '@astro-isr/vercel-runtime/wire';
import type { Target } from './hosts.ts';
import type { RevalidationResult } from './results.ts';

export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_TIMEOUT_MS = 15_000;

const KNOWN_CACHE_STATUSES: ReadonlySet<string> = new Set(Object.values(CACHE_STATUS));

export interface SiteFetchOptions {
	readonly fetch: typeof fetch;
	/** `VERCEL_AUTOMATION_BYPASS_SECRET`, to get through Deployment Protection on previews. */
	readonly protectionBypass?: string | undefined;
	readonly timeoutMs?: number;
}

export interface RevalidateOptions extends SiteFetchOptions {
	readonly bypassToken: string;
	readonly concurrency?: number;
}

/** One result per path and target, in the order given (paths outer, targets inner). */
export async function revalidatePaths(
	paths: readonly string[],
	targets: readonly Target[],
	options: RevalidateOptions,
): Promise<RevalidationResult[]> {
	const limit = pLimit(options.concurrency ?? DEFAULT_CONCURRENCY);
	const jobs = paths.flatMap((path) =>
		targets.map((target) => limit(() => revalidateOne(path, target, options))),
	);
	return Promise.all(jobs);
}

async function revalidateOne(
	path: string,
	target: Target,
	options: RevalidateOptions,
): Promise<RevalidationResult> {
	const failed = (httpStatus: number | null, reason: string): RevalidationResult => ({
		path,
		host: target.host,
		status: 'FAILED',
		httpStatus,
		reason,
	});
	let response: Response;
	try {
		response = await fetchFromSite(target, path, options, {
			[PRERENDER_REVALIDATE_HEADER]: options.bypassToken,
		});
	} catch (error) {
		return failed(null, describeFetchError(error, options.timeoutMs ?? DEFAULT_TIMEOUT_MS));
	}
	await response.body?.cancel();

	// https://vercel.com/docs/incremental-static-regeneration#caching-behavior (cacheable statuses)
	if (!CACHEABLE_STATUSES.has(response.status)) {
		return failed(
			response.status,
			`the page answered ${response.status}, which is never cached; the last good copy is still served`,
		);
	}
	const cacheStatus = response.headers.get(VERCEL_CACHE_HEADER);
	if (cacheStatus !== CACHE_STATUS.REVALIDATED) {
		return failed(
			response.status,
			`not revalidated: ${VERCEL_CACHE_HEADER} is ${describeCacheStatus(cacheStatus)}`,
		);
	}
	return {
		path,
		host: target.host,
		status: 'REVALIDATED',
		httpStatus: response.status,
		generatedAt: readGeneratedAt(response.headers)?.toISOString() ?? null,
	};
}

/** `GET origin + path` without following redirects: a cached redirect is the page itself. */
export function fetchFromSite(
	target: Target,
	path: string,
	options: SiteFetchOptions,
	headers: Readonly<Record<string, string>> = {},
): Promise<Response> {
	const url = new URL(path, target.origin);
	// Validated paths cannot change the origin; this keeps the token on the chosen host regardless.
	if (url.origin !== target.origin) throw new Error('A revalidation path left its host.');
	return options.fetch(url, {
		method: 'GET',
		headers: {
			...headers,
			...(options.protectionBypass ? { [PROTECTION_BYPASS_HEADER]: options.protectionBypass } : {}),
		},
		redirect: 'manual',
		cache: 'no-store',
		signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
	});
}

export function readGeneratedAt(headers: Headers): Date | undefined {
	const value = headers.get(GENERATED_AT_HEADER);
	const date = value === null ? undefined : new Date(value);
	return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

function describeCacheStatus(value: string | null): string {
	if (value === null) return 'missing (is this URL served by the ISR function?)';
	// Only the platform's own words are repeated; anything else is not echoed.
	return KNOWN_CACHE_STATUSES.has(value) ? value : 'unexpected';
}

function describeFetchError(error: unknown, timeoutMs: number): string {
	if (error instanceof Error && error.name === 'TimeoutError') {
		return `timed out after ${timeoutMs / 1000} s`;
	}
	const code =
		error instanceof Error ? (error.cause as { code?: unknown } | undefined)?.code : undefined;
	return typeof code === 'string' && /^[A-Z_]+$/.test(code)
		? `could not reach the host (${code})`
		: 'could not reach the host';
}

/**
 * The CDN cache for ordinary functions: carries out the decisions of cdn-policy.ts. Cold misses
 * are not collapsed (the CDN cannot know a path is cacheable before the response); background
 * revalidations of one key are. An invocation that started earlier never replaces the entry of
 * one that started later.
 *
 * @see https://vercel.com/docs/caching/cdn-cache
 * @see docs/vercel-isr-semantics.md §4
 */
import { CACHE_STATUS, type CacheStatus } from '../wire.ts';
import { createSingleFlight } from './background.ts';
import { browserHeaders } from './cache-headers.ts';
import {
	createCdnEntry,
	cdnKey,
	decideCdn,
	matchesVary,
	planCdnResponse,
	readCdnRequest,
} from './cdn-policy.ts';
import type { CacheContext } from './context.ts';
import { preferencesOf } from './answer.ts';
import { ageSeconds, answerStored, passThrough, replay, type CdnEntry } from './entry.ts';
import {
	cacheableRequest,
	failureReason,
	forwardedRequest,
	InvocationTimeoutError,
	invokeBuffered,
	invokeStreaming,
	withTimeout,
} from './invocation.ts';
import { timeoutResponse } from '../output/platform-responses.ts';
import type { CdnCache, Invoke, RequestFacts } from './types.ts';

export function createCdnCache(context: CacheContext): CdnCache {
	const { store, now } = context;
	const revalidations = createSingleFlight<string | undefined>();
	let generations = 0;

	// A slow revalidation may outlive its stale-while-revalidate window, and the MISS or Pragma
	// revalidation that follows may store first; what it stored is newer and stays.
	const storeIfNewer = (key: string, entry: CdnEntry): void => {
		const current = store.get(key);
		if (current?.kind !== 'cdn' || current.generation < entry.generation) store.set(key, entry);
	};

	const answerTimeout = (head: boolean): Response => {
		const timeout = timeoutResponse();
		return passThrough(
			timeout,
			browserHeaders(timeout.headers, true),
			CACHE_STATUS.MISS,
			now(),
			head,
		);
	};

	const passThroughUncached = async (request: Request, invoke: Invoke): Promise<Response> => {
		const response = await invokeStreaming(
			invoke,
			(signal) => forwardedRequest(request.url, request, signal),
			context.invokeTimeoutMs,
		);
		const { stripShared } = planCdnResponse(response.status, response.headers);
		const headers = browserHeaders(response.headers, stripShared);
		return passThrough(response, headers, CACHE_STATUS.MISS, now(), false);
	};

	// Storable responses are read to the end and stored; others stream through.
	const invokeAndStore = async (
		key: string,
		request: Request,
		invoke: Invoke,
		status: CacheStatus,
		head: boolean,
	): Promise<Response> => {
		const generation = ++generations;
		try {
			return await withTimeout(context.invokeTimeoutMs, async (signal) => {
				const response = await invoke(cacheableRequest(request.url, request, signal));
				const plan = planCdnResponse(response.status, response.headers);
				if (!plan.store) {
					const headers = browserHeaders(response.headers, plan.stripShared);
					return passThrough(response, headers, CACHE_STATUS.MISS, now(), head);
				}
				const body = new Uint8Array(await response.arrayBuffer());
				const { headers } = response;
				const entry = createCdnEntry(
					response.status,
					headers,
					body,
					plan,
					request,
					now(),
					generation,
				);
				storeIfNewer(key, entry);
				return replay(entry, status, 0, head, request.headers);
			});
		} catch (error) {
			if (error instanceof InvocationTimeoutError) return answerTimeout(head);
			throw error;
		}
	};

	// A failed or unstorable revalidation leaves the entry to run out its stale-while-revalidate
	// window. Resolves with the reason it stored nothing, if any.
	const revalidateInBackground = (key: string, request: Request, invoke: Invoke): void => {
		if (revalidations.has(key)) return;
		const report = (reason: string) => context.onRegenerationError({ key, reason });
		const flight = revalidations.join(key, async () => {
			const generation = ++generations;
			const buffered = await invokeBuffered(
				invoke,
				(signal) => cacheableRequest(request.url, request, signal),
				context.invokeTimeoutMs,
			);
			const plan = planCdnResponse(buffered.status, buffered.headers);
			if (!plan.store) return `not storable: ${plan.reason}`;
			const { status, headers, body } = buffered;
			storeIfNewer(key, createCdnEntry(status, headers, body, plan, request, now(), generation));
			return undefined;
		});
		context.background.add(
			flight.then(
				(reason) => reason !== undefined && report(reason),
				(failure: unknown) => report(failureReason(failure)),
			),
		);
	};

	const storedEntry = (key: string, request: RequestFacts): CdnEntry | undefined => {
		const entry = store.get(key);
		return entry?.kind === 'cdn' && matchesVary(entry, request) ? entry : undefined;
	};

	return {
		answer(request, url) {
			const facts = readCdnRequest(request);
			if (!facts.cacheable) return undefined;
			const entry = storedEntry(cdnKey(url), request);
			const at = now();
			const decision = decideCdn(facts, entry, at);
			if (entry === undefined || decision.action !== 'serve-entry' || decision.background) {
				return undefined;
			}
			const preferences = preferencesOf(request.method, request.headers);
			return answerStored(entry, decision.status, ageSeconds(entry.storedAt, at), preferences);
		},
		async serve(request, _functionPath, invoke) {
			const facts = readCdnRequest(request);
			const key = cdnKey(new URL(request.url));
			const entry = facts.cacheable ? storedEntry(key, request) : undefined;
			const at = now();
			const decision = decideCdn(facts, entry, at);
			const head = request.method === 'HEAD';
			if (decision.action === 'pass-through') return passThroughUncached(request, invoke);
			if (decision.action === 'serve-entry' && entry !== undefined) {
				if (decision.background) revalidateInBackground(key, request, invoke);
				return replay(
					entry,
					decision.status,
					ageSeconds(entry.storedAt, at),
					head,
					request.headers,
				);
			}
			return invokeAndStore(key, request, invoke, decision.status, head);
		},
	};
}

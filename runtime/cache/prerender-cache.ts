/**
 * The prerender (ISR) cache: carries out the decisions of prerender-policy.ts. A revalidation of
 * one group member revalidates the others' entries: with an on-demand revalidation in the
 * foreground next to the requester's, with a time-based one in the background (spec §9.12 [U]).
 *
 * @see https://vercel.com/docs/incremental-static-regeneration
 * @see docs/vercel-isr-semantics.md §2, §3
 */
import { CACHE_STATUS, type CacheStatus } from '../wire.ts';
import { createSingleFlight } from './background.ts';
import { browserHeaders } from './cache-headers.ts';
import type { CacheContext } from './context.ts';
import { preferencesOf } from './answer.ts';
import {
	ageSeconds,
	answerStored,
	passThrough,
	replay,
	type PrerenderEntry,
	type StoredResponse,
} from './entry.ts';
import {
	cacheableRequest,
	failureReason,
	forwardedRequest,
	InvocationTimeoutError,
	invokeBuffered,
	invokeStreaming,
	renderRequest,
} from './invocation.ts';
import { timeoutResponse } from '../output/platform-responses.ts';
import {
	createPrerenderGroups,
	memberTargets,
	type RenderTarget as Target,
} from './prerender-group.ts';
import { createKeyMemo, functionUrl } from './prerender-key.ts';
import {
	createPrerenderEntry,
	decidePrerender,
	fallbackResponse,
	isCacheablePrerenderStatus,
	prerenderResponse,
	readPrerenderRequest,
} from './prerender-policy.ts';
import { planRegeneration, type RegenerationPlan } from './regeneration-plan.ts';
import { renderHeaders } from './render-headers.ts';
import { createRetryTimes } from './retry-times.ts';
import type { PrerenderCache, PrerenderOutput } from './types.ts';

/** One regeneration's result: the response every waiter gets, and what was decided about it. */
interface Generation {
	readonly response: StoredResponse;
	readonly plan: RegenerationPlan;
}

/** A member revalidation: on demand (always renders) or time-based (skips a delayed key). */
type GroupRevalidation = 'on-demand' | 'time-based';

export function createPrerenderCache(context: CacheContext): PrerenderCache {
	const { store, now } = context;
	const flights = createSingleFlight<Generation>();
	const retryTimes = createRetryTimes();
	const fallbacks = new WeakMap<PrerenderOutput, StoredResponse>();
	const warnedSetCookie = new Set<string>();
	let generations = 0;
	const keyedQuery = createKeyMemo();
	const groups = createPrerenderGroups();

	const storedEntry = (key: string): PrerenderEntry | undefined => {
		const entry = store.get(key);
		return entry?.kind === 'prerender' ? entry : undefined;
	};

	// Decides with planRegeneration and carries it out.
	const settle = (target: Target, generation: number, entry: PrerenderEntry | undefined) => {
		const hasFallback = target.output.fallback !== undefined;
		const outcome = { cacheable: entry !== undefined, generation, hasFallback };
		const plan = planRegeneration(outcome, storedEntry(target.key), now());
		if (plan.store && entry !== undefined) store.set(target.key, entry);
		if (plan.retryAfter === 'clear') retryTimes.delete(target.key);
		else if (plan.retryAfter !== undefined) retryTimes.set(target.key, plan.retryAfter);
		return plan;
	};

	const warnOnSetCookie = (target: Target, headers: Headers): void => {
		const { outputPath } = target.output;
		if (!headers.has('set-cookie') || warnedSetCookie.has(outputPath)) return;
		warnedSetCookie.add(outputPath);
		context.onWarning({
			key: target.key,
			message: `${outputPath} responded with Set-Cookie; the prerender cache stores it and replays it to every visitor`,
		});
	};

	const generate = async (target: Target): Promise<Generation> => {
		const generation = ++generations;
		groups.register(target.output, target.invoke);
		try {
			const buffered = await invokeBuffered(
				target.invoke,
				(signal) => renderRequest(target.url, target.headers, signal),
				context.invokeTimeoutMs,
			);
			const response = prerenderResponse(buffered, now());
			if (!isCacheablePrerenderStatus(buffered.status)) {
				return { response, plan: settle(target, generation, undefined) };
			}
			warnOnSetCookie(target, buffered.headers);
			const entry = createPrerenderEntry(buffered, response, target.output.config, generation);
			return { response, plan: settle(target, generation, entry) };
		} catch (error) {
			settle(target, generation, undefined);
			throw error;
		}
	};

	// Reports a failed regeneration; resolves either way.
	const reported = (key: string, flight: Promise<Generation>): Promise<void> => {
		const report = (failure: unknown) =>
			context.onRegenerationError({ key, reason: failureReason(failure) });
		return flight.then(({ plan, response }) => {
			if (plan.answerAs === CACHE_STATUS.MISS) report(response.status);
		}, report);
	};

	const regenerateInBackground = (key: string, target: () => Target): void => {
		if (flights.has(key)) return;
		const flight = flights.join(key, () => generate(target()));
		context.background.add(reported(key, flight));
	};

	// The stored entries of the other members of `output`'s group, for the same host and routed
	// query, regenerated; keys without an entry have nothing to revalidate.
	const revalidateMembers = (
		output: PrerenderOutput,
		url: URL,
		visitor: Headers,
		kind: GroupRevalidation,
	): Promise<void> => {
		const shouldRender = (key: string) =>
			storedEntry(key) !== undefined &&
			(kind === 'on-demand' || (!flights.has(key) && now() >= retryTimes.get(key)));
		const targets = memberTargets(groups.othersOf(output), url, visitor, keyedQuery, shouldRender);
		const renders = targets.map((target) => {
			const flight = flights.start(target.key, () => generate(target));
			return reported(target.key, flight);
		});
		return Promise.all(renders).then(() => undefined);
	};

	// BYPASS and non-GET/HEAD methods: the function's response is streamed, never stored.
	const uncachedResponse = (response: Response, status: CacheStatus, head: boolean): Response =>
		passThrough(response, browserHeaders(response.headers, true), status, now(), head);

	// A cold MISS, a crawler's render or a revalidation: the visitor waits. A status that is not
	// stored answers MISS (a failed revalidation is not REVALIDATED); a throw reaches the caller,
	// which answers 500.
	const foreground = async (
		flight: Promise<Generation>,
		status: CacheStatus,
		head: boolean,
		visitor: Headers,
	): Promise<Response> => {
		try {
			const { response, plan } = await flight;
			const cacheStatus = plan.answerAs ?? status;
			return replay(response, cacheStatus, 0, head, visitor);
		} catch (error) {
			if (!(error instanceof InvocationTimeoutError)) throw error;
			return uncachedResponse(timeoutResponse(), CACHE_STATUS.MISS, head);
		}
	};

	const fallbackFor = (output: PrerenderOutput, at: number): StoredResponse | undefined => {
		if (output.fallback === undefined) return undefined;
		let fallback = fallbacks.get(output);
		if (fallback === undefined) {
			fallback = fallbackResponse(output.fallback, output.config, at);
			fallbacks.set(output, fallback);
		}
		return fallback;
	};

	return {
		answer(request, output, url) {
			const { key } = keyedQuery(output, url);
			const entry = storedEntry(key);
			if (entry === undefined) return undefined;
			const { config } = output;
			const at = now();
			const hasFallback = output.fallback !== undefined;
			const facts = readPrerenderRequest(request, url, config, hasFallback);
			const state = { hasFallback, retryAfter: retryTimes.get(key) };
			const decision = decidePrerender(facts, entry, state, at);
			if (decision.action !== 'serve-entry' || decision.background) return undefined;
			const preferences = preferencesOf(request.method, request.headers);
			return answerStored(entry, decision.status, ageSeconds(entry.storedAt, at), preferences);
		},
		async serve(request, output, invoke, url = new URL(request.url)) {
			const { config } = output;
			const { key, query } = keyedQuery(output, url);
			const entry = storedEntry(key);
			const at = now();
			const hasFallback = output.fallback !== undefined;
			const facts = readPrerenderRequest(request, url, config, hasFallback);
			const state = { hasFallback, retryAfter: retryTimes.get(key) };
			const decision = decidePrerender(facts, entry, state, at);
			const head = request.method === 'HEAD';
			// Built only for the actions that invoke, so a HIT does not pay for it.
			const target = (): Target => ({
				key,
				url: functionUrl(url, config, query),
				headers: renderHeaders(request.headers, config, { routeMatches: true }),
				output,
				invoke,
			});
			// decidePrerender serves an entry or the fallback only when there is one.
			switch (decision.action) {
				case 'serve-entry':
					if (decision.background) {
						regenerateInBackground(key, target);
						const members = revalidateMembers(output, url, request.headers, 'time-based');
						context.background.add(members);
					}
					return replay(
						entry!,
						decision.status,
						ageSeconds(entry!.storedAt, at),
						head,
						request.headers,
					);
				case 'serve-fallback':
					if (decision.background) regenerateInBackground(key, target);
					return replay(fallbackFor(output, at)!, decision.status, 0, head, request.headers);
				case 'invoke-and-store': {
					const flight = flights.join(key, () => generate(target()));
					return foreground(flight, decision.status, head, request.headers);
				}
				case 'revalidate': {
					const flight = flights.start(key, () => generate(target()));
					const members = revalidateMembers(output, url, request.headers, 'on-demand');
					// Tracked even if the requester's render throws and the caller moves on.
					context.background.add(members);
					const [response] = await Promise.all([
						foreground(flight, decision.status, head, request.headers),
						members,
					]);
					return response;
				}
				case 'bypass':
				case 'pass-through': {
					const forward = decision.action === 'bypass' ? cacheableRequest : forwardedRequest;
					const forwardUrl = functionUrl(url, config, query);
					const response = await invokeStreaming(
						invoke,
						(signal) => forward(forwardUrl, request, signal),
						context.invokeTimeoutMs,
					);
					return uncachedResponse(response, decision.status, head);
				}
			}
		},
	};
}

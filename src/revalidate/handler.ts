/**
 * `POST /api/revalidate`: the one place where revalidation decisions become HTTP responses.
 * Everything it needs from the outside (config, routes, environment, fetch, clock, log) is
 * passed in, so every status can be tested without a server.
 */
import type { IsrConfig } from '../isr/config.ts';
import { identifyCaller, type Caller } from './auth.ts';
import { readJsonBody } from './body.ts';
import { RevalidateError, type RevalidateErrorCode } from './errors.ts';
import { revalidationTargets, type HostEnv } from './hosts.ts';
import { createInFlight, inFlightKey, type InFlight } from './in-flight.ts';
import { parseRevalidateBody, parseRevalidateTags, type QueryRoute } from './paths.ts';
import { checkTaggedFanOut, withTaggedPaths } from './tag-request.ts';
import { POSTS_TAG } from './tags.ts';
import { decidePublicRequest } from './public-rules.ts';
import { publicRetryAfter } from './render-time.ts';
import { errorBody, summarizeResults, type ErrorBody, type RevalidationResult } from './results.ts';
import { revalidatePaths } from './revalidate.ts';

export interface RevalidateEnv extends HostEnv {
	readonly REVALIDATE_SECRET?: string | undefined;
	readonly VERCEL_AUTOMATION_BYPASS_SECRET?: string | undefined;
}

export interface HandlerDeps {
	readonly config: Pick<
		IsrConfig,
		'bypassToken' | 'exclude' | 'publicRevalidatePaths' | 'publicRevalidateCooldownSeconds'
	>;
	readonly isrRoutes: readonly RegExp[];
	/** Routes whose rule allows query parameters, so `/blog?page=2` names an entry. */
	readonly isrQueryRoutes?: readonly QueryRoute[];
	/** How many posts are published now, for the list pages `posts` covers; 0 when unknown. */
	readonly publishedCount?: () => Promise<number>;
	readonly env: RevalidateEnv;
	readonly fetch: typeof fetch;
	/** Epoch milliseconds. */
	readonly now: () => number;
	readonly log: (line: string) => void;
	readonly timeoutMs?: number;
	/** The public button's per-path locks; one per instance unless a test passes its own. */
	readonly inFlight?: InFlight;
}

const INSTANCE_IN_FLIGHT = createInFlight();

const STATUS_OF: Readonly<Record<RevalidateErrorCode, number>> = {
	invalid_body: 400,
	invalid_path: 400,
	invalid_tag: 400,
	body_too_large: 413,
	// https://www.rfc-editor.org/rfc/rfc9110#name-421-misdirected-request
	untrusted_host: 421,
	render_time_unavailable: 502,
	misconfigured: 500,
};

const WWW_AUTHENTICATE = 'Bearer realm="revalidate"';

/** What the log line reports about a call. */
interface CallRecord {
	caller: Caller | 'none';
	tags: readonly string[];
	paths: readonly string[];
	results: readonly RevalidationResult[];
}

interface Outcome {
	readonly status: number;
	readonly body: object;
	readonly headers?: Readonly<Record<string, string>>;
}

/** `url` is the request URL as the site sees it (Astro's `context.url`). */
export async function handleRevalidate(
	request: Request,
	url: URL,
	deps: HandlerDeps,
): Promise<Response> {
	const started = deps.now();
	const record: CallRecord = { caller: 'none', tags: [], paths: [], results: [] };
	let outcome: Outcome;
	try {
		outcome = await decide(request, url, deps, record);
	} catch (error) {
		outcome = toOutcome(error);
	}
	const body = outcome.body as Partial<ErrorBody>;
	deps.log(
		`[revalidate] ${JSON.stringify({
			caller: record.caller,
			status: outcome.status,
			...(body.error ? { error: body.error } : {}),
			...(record.tags.length > 0 ? { tags: record.tags } : {}),
			paths: record.paths,
			results: record.results.map((result) => `${result.path} @ ${result.host}: ${result.status}`),
			ms: deps.now() - started,
		})}`,
	);
	return Response.json(outcome.body, {
		status: outcome.status,
		headers: { 'cache-control': 'no-store', ...outcome.headers },
	});
}

async function decide(
	request: Request,
	url: URL,
	deps: HandlerDeps,
	record: CallRecord,
): Promise<Outcome> {
	if (request.method !== 'POST') {
		return {
			status: 405,
			body: errorBody('method_not_allowed', 'Use POST with a JSON body: {"paths": ["/isr"]}.'),
			headers: { allow: 'POST' },
		};
	}
	const caller = identifyCaller(request.headers.get('authorization'), deps.env.REVALIDATE_SECRET);
	record.caller = caller;
	if (caller === 'not-configured') {
		return {
			status: 503,
			body: errorBody(
				'not_configured',
				'REVALIDATE_SECRET is not configured on this deployment, so bearer tokens cannot be checked. Set it and redeploy.',
			),
		};
	}
	if (caller === 'unauthorized') {
		return unauthorized('The bearer token is missing, malformed or wrong.');
	}

	const rules = {
		isrRoutes: deps.isrRoutes,
		exclude: deps.config.exclude,
		queryRoutes: deps.isrQueryRoutes ?? [],
	};
	const body = await readJsonBody(request);
	const named = parseRevalidateBody(body, rules);
	const tags = parseRevalidateTags(body);
	if (caller === 'public' && tags.length > 0) {
		return unauthorized(
			'Revalidating by tags needs the secret: send Authorization: Bearer <REVALIDATE_SECRET>.',
		);
	}
	const publishedCount =
		tags.includes(POSTS_TAG) && deps.publishedCount ? await deps.publishedCount() : 0;
	const requested = withTaggedPaths(named, tags, publishedCount);
	record.tags = tags;
	if (caller === 'public') {
		const decision = decidePublicRequest(
			request.headers,
			url,
			requested,
			deps.config.publicRevalidatePaths,
		);
		if (!decision.allowed) return unauthorized(decision.message, decision.index);
	}
	const paths = [...new Set(requested)];
	record.paths = paths;

	const targets = revalidationTargets(url, deps.env);
	if (tags.length > 0) checkTaggedFanOut(paths, targets);
	const fetchOptions = {
		fetch: deps.fetch,
		protectionBypass: deps.env.VERCEL_AUTOMATION_BYPASS_SECRET,
		timeoutMs: deps.timeoutMs,
	};
	const revalidate = async (): Promise<Outcome> => {
		const results = await revalidatePaths(paths, targets, {
			...fetchOptions,
			bypassToken: deps.config.bypassToken,
		});
		record.results = results;
		return summarizeResults(results, deps.now());
	};
	if (caller !== 'public') return revalidate();

	const cooldown = deps.config.publicRevalidateCooldownSeconds;
	const release = (deps.inFlight ?? INSTANCE_IN_FLIGHT).tryAcquire(
		paths.map((path) => inFlightKey(targets[0]!.host, path)),
	);
	// Another press is regenerating one of these paths now: its render starts a new cooldown.
	if (release === undefined) {
		return cooldownOutcome(
			cooldown,
			`A regeneration is already in progress; try again in ${cooldown} s.`,
		);
	}
	try {
		const retryAfter = await publicRetryAfter(
			requested,
			targets[0]!,
			fetchOptions,
			deps.now,
			cooldown,
		);
		if (retryAfter !== undefined) {
			return cooldownOutcome(
				retryAfter,
				`Regenerated less than ${cooldown} s ago; try again in ${retryAfter} s.`,
			);
		}
		return await revalidate();
	} finally {
		release();
	}
}

function cooldownOutcome(retryAfter: number, message: string): Outcome {
	return {
		status: 429,
		body: errorBody('cooldown', message, { retryAfter }),
		headers: { 'retry-after': String(retryAfter) },
	};
}

function unauthorized(message: string, index?: number): Outcome {
	return {
		status: 401,
		body: errorBody('unauthorized', message, index === undefined ? {} : { index }),
		headers: { 'www-authenticate': WWW_AUTHENTICATE },
	};
}

function toOutcome(error: unknown): Outcome {
	if (error instanceof RevalidateError) {
		return {
			status: STATUS_OF[error.code],
			body: errorBody(
				error.code,
				error.message,
				error.index === undefined ? {} : { index: error.index },
			),
		};
	}
	// Request bodies and secrets never reach error messages; the stack is safe to log.
	console.error(
		'[revalidate] unexpected error',
		error instanceof Error ? error.stack : typeof error,
	);
	return {
		status: 500,
		body: errorBody('internal_error', 'Revalidation failed unexpectedly; see the function logs.'),
	};
}

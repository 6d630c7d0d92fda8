/**
 * The runtime as a fetch handler: routes each request (`config.json`), then serves a static file,
 * calls a function through the CDN cache, or a prerender function through the ISR cache, and
 * applies the matched routes' headers and status.
 *
 * @see https://vercel.com/docs/build-output-api
 * @see docs/vercel-isr-semantics.md §2, §6
 */
import { resolve, sep } from 'node:path';
import { ROUTE_MATCHES_HEADER, VERCEL_CACHE_HEADER } from './wire.ts';
import { toResponse, type PlainAnswer } from './cache/answer.ts';
import { createCaches } from './cache/index.ts';
import { createStaticFileCache } from './cache/static-file-cache.ts';
import type { Caches, Invoke, RequestFacts } from './cache/types.ts';
import { functionEnv, publicHostEnv, readDotenvFiles } from './env.ts';
import { createInvoke } from './functions/invoke.ts';
import { createBackgroundWork, installRequestContext } from './functions/request-context.ts';
import { silentLogger, type Logger } from './log.ts';
import { logSecretsOf } from './log-safety.ts';
import { readOutputDir } from './output/read-output-dir.ts';
import {
	functionCrashResponse,
	notFoundResponse,
	redirectResponse,
} from './output/platform-responses.ts';
import type { FilesystemEntry, FunctionOutput, Output } from './output/types.ts';
import {
	functionHeaders,
	routeMatchesFor,
	withoutPlatformHeaders,
	withResponseTransforms,
	withRouteMatches,
} from './routing/function-request.ts';
import { createRouter } from './routing/route.ts';
import { changesHeaders } from './routing/transforms.ts';
import type { RouteResult } from './routing/types.ts';
import { headerOf, withoutIfNoneMatch, withRoute, withRouteHeaders } from './route-answers.ts';
import { requestWithBody } from './web-request.ts';

/** One call of a function, as `onInvoke` reports it. */
export interface InvocationInfo {
	/** The function output, e.g. `/_isr`. */
	readonly outputPath: string;
	/** The URL the function is called with. */
	readonly url: string;
}

export interface CreateRuntimeOptions {
	/** The Build Output API folder, e.g. `.vercel/output`. */
	readonly outputDir: string;
	/** Where `.env` files are read; default: the project of a `<root>/.vercel/output`, else none. */
	readonly projectRoot?: string;
	/**
	 * host[:port] visitors reach the runtime at, for `VERCEL_URL`. Default `localhost`; a server
	 * that learns its port only once listening sets it with `setPublicHost()`.
	 */
	readonly publicHost?: string;
	readonly maxCacheBytes?: number;
	/** Clock for the caches, ms since epoch. */
	readonly now?: () => number;
	readonly logger?: Logger;
	/** Replaces the caches (tests). */
	readonly caches?: Caches;
	/** How long close() waits for background work. Default 5000 ms. */
	readonly closeTimeoutMs?: number;
	/** Called as each function invocation starts (foreground or background), e.g. to count renders. */
	readonly onInvoke?: (info: InvocationInfo) => void;
}

/** A request as the server sees it before building any web object. */
export interface ServerRequest extends RequestFacts {
	/** The URL the visitor asked for. */
	readonly url: URL;
}

export interface Runtime {
	handle(request: Request): Promise<Response>;
	/**
	 * The answer to a request that needs no function (a stored entry served as it is, a static file
	 * kept in memory), as plain data; undefined otherwise, and the request goes to `handle`.
	 * Synchronous, logged like `handle`. The `node:http` shell's HIT path.
	 */
	answer(request: ServerRequest): PlainAnswer | undefined;
	/** Waits (at most closeTimeoutMs) for regenerations and `waitUntil` promises in flight. */
	close(): Promise<void>;
	/** Sets `VERCEL_URL` for the functions' next requests, e.g. to `localhost:4321` once bound. */
	setPublicHost(host: string): void;
	readonly output: Output;
	readonly caches: Caches;
}

/** `url` with another path and query; `//x` stays a path rather than becoming a host. */
function withPath(url: URL, pathname: string, search: string): URL {
	// One parse; URL setters each re-serialise the whole URL.
	return new URL(`${url.origin}${pathname}${search}`);
}

function withUrl(request: Request, url: URL | string, headers = request.headers): Request {
	return requestWithBody(url, {
		method: request.method,
		headers,
		body: request.body,
		signal: request.signal,
		redirect: 'manual',
	});
}

function defaultProjectRoot(outputDir: string): string | undefined {
	const suffix = `${sep}.vercel${sep}output`;
	const absolute = resolve(outputDir);
	return absolute.endsWith(suffix) ? absolute.slice(0, -suffix.length) : undefined;
}

async function installEnv(output: Output, options: CreateRuntimeOptions): Promise<void> {
	const projectRoot = options.projectRoot ?? defaultProjectRoot(output.dir);
	const dotenv = projectRoot === undefined ? {} : await readDotenvFiles(projectRoot);
	const functions = Object.assign({}, ...output.functions.map((fn) => fn.config.environment));
	const publicHost = options.publicHost ?? 'localhost';
	Object.assign(
		process.env,
		functionEnv({ dotenv, functions, processEnv: process.env, publicHost }),
	);
}

export async function createRuntime(options: CreateRuntimeOptions): Promise<Runtime> {
	const logger = options.logger ?? silentLogger;
	const output = await readOutputDir(options.outputDir);
	logger.addSecrets?.(logSecretsOf(output));
	for (const warning of output.warnings) logger.warn(warning);
	await installEnv(output, options);
	installRequestContext();
	const background = createBackgroundWork((error) =>
		logger.error('waitUntil promise rejected', error),
	);
	const caches =
		options.caches ??
		createCaches({
			maxBytes: options.maxCacheBytes,
			now: options.now,
			onRegenerationError: ({ key, reason }) =>
				logger.warn(`regeneration of ${key} failed: ${reason}`),
			onWarning: ({ key, message }) => logger.warn(`${key}: ${message}`),
		});
	const router = createRouter(output.routes, output.files);
	const { onInvoke } = options;
	const invokers = new Map<FunctionOutput, Invoke>();
	const invokerFor = (fn: FunctionOutput): Invoke => {
		let invoke = invokers.get(fn);
		if (invoke !== undefined) return invoke;
		const call = createInvoke(fn, background);
		const { outputPath } = fn;
		invoke =
			onInvoke === undefined
				? call
				: (request) => {
						onInvoke({ outputPath, url: request.url });
						return call(request);
					};
		invokers.set(fn, invoke);
		return invoke;
	};

	const staticFiles = createStaticFileCache();

	// A stored answer (an ISR or CDN entry, a static file) fits only when routing asks nothing of it
	// but extra headers: no forced status, no response transform, and no request transform that
	// would change what the cache reads.
	function storedAnswer(request: ServerRequest): PlainAnswer | undefined {
		const { method, url, headers } = request;
		if (method !== 'GET' && method !== 'HEAD') return undefined;
		if (headers.has(ROUTE_MATCHES_HEADER)) return undefined;
		const result = router(request, url);
		if (result.kind !== 'static' && result.kind !== 'prerender') return undefined;
		if (result.status !== undefined) return undefined;
		const { transforms } = result;
		if (
			transforms !== undefined &&
			(transforms.response.length > 0 ||
				changesHeaders(headers, transforms.request, 'request.headers'))
		) {
			return undefined;
		}
		const { entry } = result;
		if (entry.kind === 'static') {
			const answer = staticFiles.kept(entry, method, headers);
			return answer && withRouteHeaders(answer, result.headers, true);
		}
		if (entry.kind === 'function') {
			// An ordinary function sees the path the visitor asked for (spec §6.1).
			const routed = withPath(url, transforms?.path ?? url.pathname, result.search);
			const answer = caches.cdn.answer(request, routed);
			return answer && withRouteHeaders(answer, result.headers, false);
		}
		const routed = withPath(url, result.path, result.search);
		const answer = caches.prerender.answer(request, entry.prerender, routed);
		return answer && withRouteHeaders(answer, result.headers, false);
	}

	async function serveRouted(
		request: Request,
		result: RouteResult<FilesystemEntry>,
		url: URL,
	): Promise<Response> {
		switch (result.kind) {
			case 'redirect':
				return redirectResponse(result.status, result.headers);
			case 'not-found':
				return withRoute(notFoundResponse(result.status), result.headers, undefined, true);
			case 'proxy': {
				const headers = functionHeaders(request.headers, result.transforms);
				const proxied = withUrl(request, new URL(result.url), new Headers(headers));
				proxied.headers.delete('host');
				const response = await fetch(proxied);
				return withRoute(response, result.headers, result.status, false);
			}
		}
		const { entry } = result;
		if (entry.kind === 'static') {
			const conditional =
				result.status === undefined ? request.headers : withoutIfNoneMatch(request.headers);
			const response = await staticFiles.serve(entry, request.method, conditional);
			return withRoute(response, result.headers, result.status, true);
		}
		const path = result.transforms?.path;
		if (entry.kind === 'function') {
			// An ordinary function sees the path the visitor asked for (spec §6.1).
			const headers = functionHeaders(request.headers, result.transforms);
			const routed = withUrl(request, withPath(url, path ?? url.pathname, result.search), headers);
			const response = await caches.cdn.serve(routed, entry.outputPath, invokerFor(entry));
			return withRoute(response, result.headers, result.status, false);
		}
		// A prerender function sees the rewritten dest path (spec §2.4).
		const routed = withPath(url, path ?? result.path, result.search);
		let headers = withRouteMatches(
			functionHeaders(request.headers, result.transforms),
			routeMatchesFor(entry.prerender.config, result.routeMatches),
		);
		// A forced status replaces the cache's, so a 304 must not stand in for it.
		if (result.status !== undefined) headers = withoutIfNoneMatch(headers);
		const visitor = headers === request.headers ? request : withUrl(request, request.url, headers);
		const invoke = invokerFor(entry.function);
		const response = await caches.prerender.serve(visitor, entry.prerender, invoke, routed);
		return withRoute(response, result.headers, result.status, false);
	}

	async function serve(request: Request, url: URL): Promise<Response> {
		// Only the platform sets `x-now-route-matches` (spec §2.4): a visitor's copy never reaches a function.
		const headers = withoutPlatformHeaders(request.headers);
		const visitor = headers === request.headers ? request : withUrl(request, url, headers);
		const result = router(visitor, url);
		return withResponseTransforms(await serveRouted(visitor, result, url), result.transforms);
	}

	function answer(request: ServerRequest): PlainAnswer | undefined {
		const started = performance.now();
		let stored: PlainAnswer | undefined;
		try {
			stored = storedAnswer(request);
		} catch {
			// The full path answers and logs it.
			return undefined;
		}
		if (stored === undefined) return undefined;
		const { url } = request;
		logger.request({
			method: request.method,
			path: `${url.pathname}${url.search}`,
			status: stored.status,
			cache: headerOf(stored, VERCEL_CACHE_HEADER),
			ms: performance.now() - started,
		});
		return stored;
	}

	async function handle(request: Request): Promise<Response> {
		const url = new URL(request.url);
		const stored = answer({ method: request.method, url, headers: request.headers });
		if (stored !== undefined) return toResponse(stored);
		const started = performance.now();
		let response: Response;
		try {
			response = await serve(request, url);
		} catch (error) {
			logger.error(`${request.method} ${url.pathname}${url.search} failed`, error);
			response = functionCrashResponse();
		}
		logger.request({
			method: request.method,
			path: `${url.pathname}${url.search}`,
			status: response.status,
			cache: response.headers.get(VERCEL_CACHE_HEADER),
			ms: performance.now() - started,
		});
		return response;
	}

	async function close(): Promise<void> {
		const timeoutMs = options.closeTimeoutMs ?? 5000;
		let timer: ReturnType<typeof setTimeout> | undefined;
		const cap = new Promise<void>((done) => (timer = setTimeout(done, timeoutMs)));
		await Promise.race([Promise.all([caches.settled(), background.settled()]), cap]);
		clearTimeout(timer);
	}

	const setPublicHost = (host: string): void => {
		Object.assign(process.env, publicHostEnv(host));
	};

	return { handle, answer, close, setPublicHost, output, caches };
}

/** Fakes shared by the cache tests: a clock, deferred promises, counting invokes, outputs, caches. */
import { createCaches } from '../../cache/index.ts';
import type { PrerenderConfig } from '../../output/prerender-config.ts';
import type { CacheOptions, Caches, Invoke, PrerenderOutput } from '../../cache/types.ts';

export const TOKEN = 'test-bypass-token-0123456789abcdef';
export const START = Date.UTC(2026, 0, 1);

export interface FakeClock {
	now(): number;
	advance(ms: number): void;
}

export function fakeClock(start = START): FakeClock {
	let time = start;
	return {
		now: () => time,
		advance(ms) {
			time += ms;
		},
	};
}

export interface Deferred<T> {
	readonly promise: Promise<T>;
	resolve(value: T): void;
	reject(reason: unknown): void;
}

export function deferred<T>(): Deferred<T> {
	let resolve!: (value: T) => void;
	let reject!: (reason: unknown) => void;
	const promise = new Promise<T>((res, rej) => {
		resolve = res;
		reject = rej;
	});
	return { promise, resolve, reject };
}

export interface RecordingInvoke {
	readonly invoke: Invoke;
	/** Every request the function received, in order. */
	readonly calls: Request[];
}

/** An invoke that records its requests and answers with `respond(request, callNumber)`. */
export function recordingInvoke(
	respond: (request: Request, call: number) => Response | Promise<Response> = (_, call) =>
		new Response(`render ${call}`),
): RecordingInvoke {
	const calls: Request[] = [];
	return {
		calls,
		invoke: async (request) => {
			calls.push(request);
			return respond(request, calls.length);
		},
	};
}

export function prerenderOutput(
	config: Partial<PrerenderConfig> = {},
	fallback?: PrerenderOutput['fallback'],
): PrerenderOutput {
	return {
		outputPath: '/_isr',
		config: { expiration: 60, bypassToken: TOKEN, ...config },
		...(fallback === undefined ? {} : { fallback }),
	};
}

export function get(url: string, init: RequestInit = {}): Request {
	return new Request(url, init);
}

export interface CacheSetup {
	readonly clock: FakeClock;
	readonly caches: Caches;
	/** Every `onRegenerationError` report, in order. */
	readonly errors: { key: string; reason: string }[];
	/** Every `onWarning` report, in order. */
	readonly warnings: { key: string; message: string }[];
}

/** Caches on a fake clock that record their reports instead of logging them. */
export function setupCaches(
	options: Pick<CacheOptions, 'invokeTimeoutMs' | 'maxBytes'> = {},
): CacheSetup {
	const clock = fakeClock();
	const errors: CacheSetup['errors'] = [];
	const warnings: CacheSetup['warnings'] = [];
	const caches = createCaches({
		now: clock.now,
		onRegenerationError: (info) => errors.push(info),
		onWarning: (info) => warnings.push(info),
		...options,
	});
	return { clock, caches, errors, warnings };
}

/**
 * Calling a function from the caches: the request it receives, a timeout, and reading the body.
 */
import { timeoutResponse } from '../output/platform-responses.ts';
import { requestWithBody } from '../web-request.ts';
import type { BufferedResponse } from './entry.ts';
import type { Invoke } from './types.ts';

export class InvocationTimeoutError extends Error {
	readonly timeoutMs: number;

	constructor(timeoutMs: number) {
		super(`The function did not respond within ${timeoutMs} ms`);
		this.name = 'InvocationTimeoutError';
		this.timeoutMs = timeoutMs;
	}
}

/**
 * Runs `work`, rejecting with InvocationTimeoutError (and aborting the signal the function's
 * request carries) when it has not finished after `timeoutMs`.
 */
export async function withTimeout<T>(
	timeoutMs: number,
	work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
	const controller = new AbortController();
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => {
			const error = new InvocationTimeoutError(timeoutMs);
			controller.abort(error);
			reject(error);
		}, timeoutMs);
	});
	try {
		return await Promise.race([work(controller.signal), timeout]);
	} finally {
		clearTimeout(timer);
	}
}

/**
 * The request a function receives for a cacheable request: always GET, so a HEAD request fills
 * and shares GET's entry (spec §1.1 [U]). Visitor headers are forwarded (spec §2.4).
 */
export function cacheableRequest(url: string, visitor: Request, signal: AbortSignal): Request {
	return new Request(url, { method: 'GET', headers: visitor.headers, signal });
}

/** A GET at `url` with exactly `headers`: a prerender render that is stored for everyone. */
export function renderRequest(url: string, headers: Headers, signal: AbortSignal): Request {
	return new Request(url, { method: 'GET', headers, signal });
}

/** The visitor's request, body included, at `url`. */
export function forwardedRequest(url: string, visitor: Request, signal: AbortSignal): Request {
	return requestWithBody(url, {
		method: visitor.method,
		headers: visitor.headers,
		body: visitor.body,
		signal,
	});
}

/** Invokes and reads the whole body, all within `timeoutMs`. */
export function invokeBuffered(
	invoke: Invoke,
	makeRequest: (signal: AbortSignal) => Request,
	timeoutMs: number,
): Promise<BufferedResponse> {
	return withTimeout(timeoutMs, async (signal) => {
		const response = await invoke(makeRequest(signal));
		const body = new Uint8Array(await response.arrayBuffer());
		return { status: response.status, headers: response.headers, body };
	});
}

/** Invokes without reading the body; a timeout answers 504 instead of rejecting. */
export async function invokeStreaming(
	invoke: Invoke,
	makeRequest: (signal: AbortSignal) => Request,
	timeoutMs: number,
): Promise<Response> {
	try {
		return await withTimeout(timeoutMs, (signal) => invoke(makeRequest(signal)));
	} catch (error) {
		if (error instanceof InvocationTimeoutError) return timeoutResponse();
		throw error;
	}
}

/** A short reason for logs. */
export function failureReason(failure: unknown): string {
	if (failure instanceof InvocationTimeoutError) return `timed out after ${failure.timeoutMs} ms`;
	if (typeof failure === 'number') return `status ${failure}`;
	return `threw ${failure instanceof Error ? failure.message : String(failure)}`;
}

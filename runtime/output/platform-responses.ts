/**
 * Every response the platform itself produces, rather than a function: redirects and its errors (404, 405, 500, 504, and the server's 400 and last-resort 500).
 *
 * @see https://vercel.com/docs/errors
 */
import { DEFAULT_BROWSER_CACHE_CONTROL, VERCEL_ERROR_HEADER } from '../wire.ts';

const TEXT = 'text/plain; charset=utf-8';

/** An answer as plain parts, for the `node:http` shell, which has no handler to ask. */
export interface ShellAnswer {
	readonly status: number;
	readonly headers: Readonly<Record<string, string>>;
	readonly body: string;
}

/** A `Host` header that is not `host[:port]`: the request has no URL to route. */
export const BAD_REQUEST: ShellAnswer = {
	status: 400,
	headers: { 'content-type': TEXT },
	body: '400: BAD_REQUEST\n',
};

/** The handler itself failed (not a function: that is {@link functionCrashResponse}). */
export const SERVER_FAILURE: ShellAnswer = {
	status: 500,
	headers: { 'content-type': 'text/plain' },
	body: '500\n',
};

function platformError(status: number, code: string, text: string): Response {
	return new Response(`${status}: ${text}\nCode: ${code}\n`, {
		status,
		headers: {
			'content-type': TEXT,
			'cache-control': DEFAULT_BROWSER_CACHE_CONTROL,
			[VERCEL_ERROR_HEADER]: code,
		},
	});
}

/** @see https://vercel.com/docs/errors/NOT_FOUND */
export function notFoundResponse(status = 404): Response {
	return platformError(status, 'NOT_FOUND', 'NOT_FOUND');
}

/** A function crashed: it threw, rejected or did not return a Response. @see https://vercel.com/docs/errors/FUNCTION_INVOCATION_FAILED */
export function functionCrashResponse(): Response {
	return platformError(500, 'FUNCTION_INVOCATION_FAILED', 'INTERNAL_SERVER_ERROR');
}

/** What a visitor gets when the function timed out. @see https://vercel.com/docs/errors/FUNCTION_INVOCATION_TIMEOUT */
export function timeoutResponse(): Response {
	return new Response('An error occurred with your deployment\n\nFUNCTION_INVOCATION_TIMEOUT\n', {
		status: 504,
		headers: { 'content-type': TEXT, [VERCEL_ERROR_HEADER]: 'FUNCTION_INVOCATION_TIMEOUT' },
	});
}

/** A static file asked for with another method than GET or HEAD. */
export function staticMethodNotAllowedResponse(): Response {
	return new Response('405: METHOD_NOT_ALLOWED\n', {
		status: 405,
		headers: { allow: 'GET, HEAD', 'content-type': TEXT },
	});
}

/** A function without an export for the method: Vercel's Node runtime answers 405 with `Allow`. */
export function methodNotExportedResponse(allow: readonly string[]): Response {
	return new Response(null, { status: 405, headers: { allow: allow.join(', ') } });
}

export function redirectResponse(status: number, headers: Readonly<Record<string, string>>) {
	return new Response(null, { status, headers });
}

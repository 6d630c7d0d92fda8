/**
 * Responses the platform itself produces: its 404 and 500 pages, redirects.
 *
 * @see https://vercel.com/docs/errors
 */
import { DEFAULT_BROWSER_CACHE_CONTROL, VERCEL_ERROR_HEADER } from '../../src/platform/vercel.ts';

function platformError(status: number, code: string, text: string): Response {
	return new Response(`${status}: ${text}\nCode: ${code}\n`, {
		status,
		headers: {
			'content-type': 'text/plain; charset=utf-8',
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

export function redirectResponse(status: number, headers: Readonly<Record<string, string>>) {
	return new Response(null, { status, headers });
}

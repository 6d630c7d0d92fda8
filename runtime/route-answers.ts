/**
 * What matched routes add to an answer: their headers and forced status, on a web Response or on
 * a stored answer as plain data.
 *
 * @see docs/vercel-isr-semantics.md §6.1
 */
import type { PlainAnswer } from './cache/answer.ts';
import { NULL_BODY_STATUSES } from './null-body-statuses.ts';
import type { RouteHeaders } from './routing/types.ts';

/**
 * Adds the routes' headers and forced status. For functions the function's own header wins (as in
 * `vercel dev`); for files the platform produces, the route's does.
 */
export function withRoute(
	response: Response,
	headers: RouteHeaders,
	status: number | undefined,
	routeWins: boolean,
): Response {
	if (Object.keys(headers).length === 0 && (status === undefined || status === response.status)) {
		return response;
	}
	const merged = new Headers(response.headers);
	for (const [name, value] of Object.entries(headers)) {
		if (routeWins || !merged.has(name)) merged.set(name, value);
	}
	const finalStatus = status ?? response.status;
	const body = NULL_BODY_STATUSES.has(finalStatus) ? null : response.body;
	return new Response(body, { status: finalStatus, headers: merged });
}

/**
 * `answer` with the routes' headers: for files the platform produces the route's header wins,
 * for functions the function's own (as `withRoute`).
 */
export function withRouteHeaders(
	answer: PlainAnswer,
	headers: RouteHeaders,
	routeWins: boolean,
): PlainAnswer {
	const names = Object.keys(headers);
	if (names.length === 0) return answer;
	const list: string[] = [];
	const present = new Set<string>();
	for (let index = 0; index < answer.headers.length; index += 2) {
		const name = answer.headers[index]!;
		if (routeWins && name in headers) continue;
		present.add(name);
		list.push(name, answer.headers[index + 1]!);
	}
	for (const name of names) if (!present.has(name)) list.push(name, headers[name]!);
	return { ...answer, headers: list };
}

/** The first value of `name` in `answer`, or null. */
export function headerOf(answer: PlainAnswer, name: string): string | null {
	for (let index = 0; index < answer.headers.length; index += 2) {
		if (answer.headers[index] === name) return answer.headers[index + 1]!;
	}
	return null;
}

/** `headers` without `If-None-Match`, for an answer whose status a route replaces. */
export function withoutIfNoneMatch(headers: Headers): Headers {
	if (!headers.has('if-none-match')) return headers;
	const copy = new Headers(headers);
	copy.delete('if-none-match');
	return copy;
}

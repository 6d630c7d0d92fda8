/**
 * Turns a function output into an `Invoke`: loads it on first use, runs every call inside its own
 * request context (so `waitUntil` works), and rejects when the function crashes — it throws,
 * rejects, or returns something that is not a Response.
 */
import type { Invoke } from '../cache/types.ts';
import type { FunctionOutput } from '../output/types.ts';
import { loadFunction, type FetchHandler } from './load-function.ts';
import { runWithRequestContext, type BackgroundWork } from './request-context.ts';

function describe(value: unknown): string {
	if (value === null || value === undefined) return String(value);
	return typeof value === 'object' ? (value.constructor?.name ?? 'an object') : typeof value;
}

export function createInvoke(fn: FunctionOutput, background: BackgroundWork): Invoke {
	let handler: Promise<FetchHandler> | undefined;
	return async (request) => {
		handler ??= loadFunction(fn.dir, fn.config, fn.outputPath);
		const handle = await handler;
		const context = {
			waitUntil: (promise: Promise<unknown>) => background.add(promise),
			headers: Object.fromEntries(request.headers),
		};
		const response = await runWithRequestContext(context, () => handle(request));
		if (!(response instanceof Response)) {
			throw new Error(
				`Function ${fn.outputPath} returned ${describe(response)} instead of a Response`,
			);
		}
		return response;
	};
}

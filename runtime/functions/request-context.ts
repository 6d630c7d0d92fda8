/**
 * The `@vercel/request-context` global that `@vercel/functions` reads (`waitUntil`, `getEnv`, …).
 * Installed once per process and backed by AsyncLocalStorage, so each invocation sees its own
 * context. Fields the runtime does not provide (`purge`, `addCacheTag`, `cache`) are absent, and
 * the helpers that need them resolve as no-ops, as they do outside Vercel.
 *
 * @see https://vercel.com/docs/functions/functions-api-reference/vercel-functions-package#waituntil
 * @see https://github.com/vercel/vercel/blob/main/packages/functions/src/get-context.ts
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContext {
	readonly waitUntil: (promise: Promise<unknown>) => void;
	readonly headers: Readonly<Record<string, string>>;
}

const REQUEST_CONTEXT = Symbol.for('@vercel/request-context');

const storage = new AsyncLocalStorage<RequestContext>();

/** Installs the global reader once; later calls (another runtime in the same process) reuse it. */
export function installRequestContext(): void {
	const global = globalThis as { [REQUEST_CONTEXT]?: { get(): unknown } };
	global[REQUEST_CONTEXT] ??= { get: () => storage.getStore() ?? {} };
}

export function runWithRequestContext<T>(context: RequestContext, work: () => T): T {
	return storage.run(context, work);
}

export { createBackgroundWork, type BackgroundWork } from '../cache/background.ts';

/**
 * How pages read the content store. A page that cannot read it must not answer 200: it answers
 * 503 (`no-store`, see `cachePolicyFor`), so Vercel keeps serving the last good copy and tries
 * again later, and a cold page says the content is briefly unavailable. This is the rule
 * Next.js documents for ISR.
 *
 * @see https://nextjs.org/docs/app/guides/incremental-static-regeneration#handling-uncaught-exceptions
 */
import { getContentStore, StoreUnavailableError, type ContentStore } from '../store/index.ts';

export const STORE_RETRY_AFTER_SECONDS = 30;

export type StoreRead<T> = { readonly ok: true; readonly value: T } | { readonly ok: false };

/** The value `read` got from the store, or `{ ok: false }` when the store is unavailable. */
export async function readStore<T>(
	read: (store: ContentStore) => Promise<T>,
): Promise<StoreRead<T>> {
	try {
		return { ok: true, value: await read(getContentStore()) };
	} catch (error) {
		if (!(error instanceof StoreUnavailableError)) throw error;
		console.error(`[content] the store is unavailable: ${rootMessage(error)}`);
		return { ok: false };
	}
}

/** The driver's own message (drizzle wraps it with the whole query). */
function rootMessage(error: Error): string {
	let cause: unknown = error;
	while (cause instanceof Error && cause.cause !== undefined) cause = cause.cause;
	return cause instanceof Error ? cause.message : String(cause);
}

/** What a page sets on its response when the store is unavailable. */
export const STORE_UNAVAILABLE = {
	status: 503,
	headers: { 'retry-after': String(STORE_RETRY_AFTER_SECONDS) },
} as const;

export function markStoreUnavailable(response: { status?: number; headers: Headers }): void {
	response.status = STORE_UNAVAILABLE.status;
	for (const [name, value] of Object.entries(STORE_UNAVAILABLE.headers)) {
		response.headers.set(name, value);
	}
}

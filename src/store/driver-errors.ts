/** How driver errors become the store's own errors. */
import {
	ConflictError,
	PostNotFoundError,
	SlugTakenError,
	StoreUnavailableError,
} from './errors.ts';

/** The error chain of a failed query, outermost first (drizzle wraps the driver's error). */
function* causes(error: unknown): Generator<unknown> {
	for (let current = error, depth = 0; current !== undefined && depth < 5; depth++) {
		yield current;
		current = current instanceof Error ? current.cause : undefined;
	}
}

function isUniqueViolation(error: unknown): boolean {
	return [...causes(error)].some(
		(cause) => cause instanceof Error && /UNIQUE constraint failed/i.test(cause.message),
	);
}

const OWN_ERRORS = [ConflictError, PostNotFoundError, SlugTakenError, RangeError];

/**
 * The store's error for a failed operation: its own errors pass through, a unique-constraint
 * violation on a write naming `slug` is `SlugTakenError`, anything else means the database could
 * not be used.
 */
export function storeError(error: unknown, slug?: string): Error {
	if (OWN_ERRORS.some((type) => error instanceof type)) return error as Error;
	if (slug !== undefined && isUniqueViolation(error)) return new SlugTakenError(slug);
	return new StoreUnavailableError(error);
}

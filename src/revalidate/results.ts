/** The JSON bodies of `POST /api/revalidate`, shared by the endpoint, the button and the CLI. */
import type { RevalidateErrorCode } from './errors.ts';

export interface Revalidated {
	readonly path: string;
	/** `host[:port]` the page was revalidated on. */
	readonly host: string;
	readonly status: 'REVALIDATED';
	/** The status of the regenerated page: 200, or a cacheable redirect or 404. */
	readonly httpStatus: number;
	/** Render time of the new copy (ISO-8601), from its `x-generated-at` header. */
	readonly generatedAt: string | null;
}

export interface Failed {
	readonly path: string;
	readonly host: string;
	readonly status: 'FAILED';
	/** The page's status, or `null` when no response arrived. */
	readonly httpStatus: number | null;
	readonly reason: string;
}

export type RevalidationResult = Revalidated | Failed;

export interface RevalidatedBody {
	readonly revalidated: boolean;
	/** Epoch milliseconds when the endpoint answered. */
	readonly now: number;
	readonly results: readonly RevalidationResult[];
}

export type ErrorCode =
	| RevalidateErrorCode
	| 'method_not_allowed'
	| 'unauthorized'
	| 'not_configured'
	| 'cooldown'
	| 'internal_error';

export interface ErrorBody {
	readonly revalidated: false;
	readonly error: ErrorCode;
	readonly message: string;
	/** The offending entry of `paths`, for `invalid_path`. */
	readonly index?: number;
	/** Seconds to wait, for `cooldown` (also in `Retry-After`). */
	readonly retryAfter?: number;
}

/** 200 when every path was revalidated on every host; 502 with the same shape otherwise. */
export function summarizeResults(
	results: readonly RevalidationResult[],
	now: number,
): { status: 200 | 502; body: RevalidatedBody } {
	const revalidated = results.every((result) => result.status === 'REVALIDATED');
	return { status: revalidated ? 200 : 502, body: { revalidated, now, results } };
}

export function errorBody(
	error: ErrorCode,
	message: string,
	extra: Pick<ErrorBody, 'index' | 'retryAfter'> = {},
): ErrorBody {
	return { revalidated: false, error, message, ...extra };
}

/** `/isr @ example.com: REVALIDATED (200, rendered …)`: one line per result, for logs and the CLI. */
export function formatResult(result: RevalidationResult): string {
	const where = `${result.path} @ ${result.host}`;
	if (result.status === 'REVALIDATED') {
		return `REVALIDATED ${where} (${result.httpStatus}, rendered ${result.generatedAt ?? 'at an unknown time'})`;
	}
	return `FAILED      ${where} (${result.httpStatus ?? 'no response'}: ${result.reason})`;
}

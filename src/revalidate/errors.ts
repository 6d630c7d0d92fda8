/**
 * Why a revalidation request was refused. The endpoint maps each code to one HTTP status.
 * Messages are written for the caller: they name the field and the rule, never the raw input,
 * a token or a secret.
 */
export type RevalidateErrorCode =
	| 'invalid_body'
	| 'invalid_path'
	| 'invalid_tag'
	| 'body_too_large'
	| 'untrusted_host'
	| 'render_time_unavailable'
	| 'misconfigured';

export class RevalidateError extends Error {
	override name = 'RevalidateError';
	readonly code: RevalidateErrorCode;
	/** Index of the offending entry in `paths` or `tags`, for `invalid_path` and `invalid_tag`. */
	readonly index: number | undefined;

	constructor(code: RevalidateErrorCode, message: string, index?: number) {
		super(message);
		this.code = code;
		this.index = index;
	}
}

/**
 * Conditional requests on stored responses: `If-None-Match` against the `ETag` of the copy the
 * request would get, answered with 304.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-13.1.2 (If-None-Match)
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-15.4.5 (304 Not Modified)
 */

const ENTITY_TAG = /(?:W\/)?"[^"]*"/g;

const opaque = (tag: string): string => (tag.startsWith('W/') ? tag.slice(2) : tag);

/**
 * Whether `ifNoneMatch` names `etag`: `*`, or one of the listed tags by weak comparison (`W/"a"`
 * matches `"a"`), as If-None-Match requires. Malformed members are ignored.
 */
export function ifNoneMatchHolds(ifNoneMatch: string, etag: string): boolean {
	if (ifNoneMatch.trim() === '*') return true;
	const wanted = opaque(etag);
	for (const tag of ifNoneMatch.match(ENTITY_TAG) ?? []) {
		if (opaque(tag) === wanted) return true;
	}
	return false;
}

/**
 * The fields a 304 carries from the 200 it stands for (RFC 9110 §15.4.5), plus the platform's
 * cache status and `age`, which belong to this answer.
 */
const NOT_MODIFIED_FIELDS: ReadonlySet<string> = new Set([
	'cache-control',
	'content-location',
	'date',
	'etag',
	'expires',
	'vary',
]);

/** `headers` (a flat name, value list) reduced to what a 304 sends. */
export function notModifiedHeaders(headers: readonly string[]): string[] {
	const kept: string[] = [];
	for (let index = 0; index < headers.length; index += 2) {
		if (NOT_MODIFIED_FIELDS.has(headers[index]!)) kept.push(headers[index]!, headers[index + 1]!);
	}
	return kept;
}

/**
 * Matching a request against `has`-style conditions, as used by `experimentalBypassFor`.
 *
 * @see docs/vercel-isr-semantics.md §1 (`experimentalBypassFor`)
 * @see https://github.com/vercel/vercel/pull/10481
 */
import type { PrerenderConfig } from '../output/prerender-config.ts';

export type HasField = NonNullable<PrerenderConfig['experimentalBypassFor']>[number];

/** The value of cookie `name` in a `Cookie` header, or null. */
export function cookieValue(header: string | null, name: string): string | null {
	if (header === null) return null;
	for (const part of header.split(';')) {
		const equals = part.indexOf('=');
		if (equals !== -1 && part.slice(0, equals).trim() === name) {
			return part.slice(equals + 1).trim();
		}
	}
	return null;
}

// A string `value` is a regular expression matched against the whole value, as in Next.js's
// `matchHas`; one that does not compile is compared literally.
function matchesValue(pattern: string, actual: string): boolean {
	try {
		return new RegExp(`^(?:${pattern})$`).test(actual);
	} catch {
		return pattern === actual;
	}
}

function actualValue(field: HasField, request: Request, url: URL): string | null {
	if (field.type === 'host') return url.hostname;
	if (field.key === undefined) return null;
	if (field.type === 'header') return request.headers.get(field.key);
	if (field.type === 'cookie') return cookieValue(request.headers.get('cookie'), field.key);
	return url.searchParams.get(field.key);
}

/** Whether `request` satisfies one condition: the key is present and, if given, the value matches. */
export function matchesHas(field: HasField, request: Request, url: URL): boolean {
	const actual = actualValue(field, request, url);
	if (actual === null) return false;
	return field.value === undefined || matchesValue(field.value, actual);
}

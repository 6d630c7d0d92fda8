/**
 * Which request paths are ambiguous: they name another page once decoded or once their dot
 * segments are resolved. `@astrojs/vercel` puts the visitor's raw path into `x_astro_path`; the
 * query decoding and `new URL(path, base)` in its entrypoint then turn `/blog/..%2Fssr` into
 * `/ssr`, rendered by the ISR function and stored under the `/blog/..%2Fssr` key. Such a path is
 * refused twice: by a route in the build output (so it holds on Vercel, whatever path Vercel
 * matches routes on) and by the functions' entry (./request-screen.ts).
 *
 * @see node_modules/@astrojs/vercel/dist/serverless/entrypoint.js (`new URL(realPath, url)`)
 * @see https://url.spec.whatwg.org/#single-dot-path-segment
 */

/**
 * Route `src` patterns (PCRE, as Vercel matches them) for a raw request path that holds an
 * encoded `/` or `\`, a raw `\` (WHATWG URLs treat it as `/`), an encoded control character
 * (`%00`–`%1f`, `%7f`: no page has one, and Astro answers `/blog/%00` with a cacheable 301 to
 * `/blog`, an entry per spelling), or a `.`/`..` segment spelled with any mix of `.` and `%2e`. Character classes spell both cases, so the patterns hold
 * even where a route is matched case-sensitively. Each pattern spans the whole path: Vercel
 * anchors a `src` at both ends (`normalizeRoutes` adds a missing `$`).
 *
 * @see https://github.com/vercel/vercel/blob/main/packages/routing-utils/src/index.ts (normalizeRoutes)
 */
export const AMBIGUOUS_PATH_SOURCES: readonly string[] = [
	'^[^?]*(?:%2[fF]|%5[cC]|\\\\|%[01][0-9a-fA-F]|%7[fF])[^?]*$',
	// Encoded unreserved characters (RFC 3986 §6.2.2.2: the same URL as the plain ones):
	// `/blog/%68ello-world` would be its own entry, which revalidating `/blog/hello-world` misses.
	'^[^?]*%(?:3[0-9]|[46][1-9a-fA-F]|[57][0-9aA]|2[dDeE]|5[fF]|7[eE])[^?]*$',
	'^(?:[^?]*/)?(?:\\.|%2[eE]){1,2}(?:/[^?]*)?$',
];

const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;
const ENCODED_UNRESERVED = /%(?:3[0-9]|[46][1-9a-f]|[57][0-9a]|2[de]|5f|7e)/i;

/** The same rule as {@link AMBIGUOUS_PATH_SOURCES}, for a raw (still percent-encoded) path. */
export function isAmbiguousPath(rawPath: string): boolean {
	if (/%2f|%5c|\\|%[01][0-9a-f]|%7f/i.test(rawPath) || ENCODED_UNRESERVED.test(rawPath)) {
		return true;
	}
	return rawPath.split('/').some((segment) => DOT_SEGMENT.test(segment));
}

/**
 * Whether the ISR function may render `realPath`, its `x_astro_path` (the route's raw capture,
 * decoded once by the query parser): only when neither URL parsing nor one more decoding (Astro
 * decodes route params) reveals a separator, a dot segment, an empty segment, a query or a
 * fragment, so the page rendered is the page the cache key names.
 */
export function isCanonicalRenderPath(realPath: string): boolean {
	if (!realPath.startsWith('/') || hasHiddenStructure(realPath)) return false;
	try {
		return !hasHiddenStructure(decodeURIComponent(realPath));
	} catch {
		return false;
	}
}

// C0 controls and DEL, as a decoded `x_astro_path` carries them.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

function hasHiddenStructure(path: string): boolean {
	return /\/\/|[?#]/.test(path) || CONTROL_CHARACTER.test(path) || isAmbiguousPath(path);
}

/**
 * The patterns of `config.json`, read as the platform reads them, so that loading can refuse a
 * pattern or path the router could not use, and the router compiles with the same functions.
 * Route `src` patterns are PCRE; Vercel and `vercel dev` convert them with `pcre-to-regexp`. The
 * patterns frameworks emit are already valid JavaScript apart from Python-style named groups, so
 * the conversion here is that one rewrite.
 *
 * @see https://vercel.com/docs/build-output-api/configuration#source-route
 * @see https://github.com/vercel/vercel/blob/main/packages/cli/src/util/dev/router.ts
 */

const compiled = new Map<string, RegExp>();

/**
 * `src` as `normalizeRoutes` stores it: `^` and `$` added when missing, so a pattern matches the
 * whole path (Nitro's `(?<__isr_route>/)` matches `/` only), and `\/` read as `/`.
 *
 * @see https://github.com/vercel/vercel/blob/main/packages/routing-utils/src/index.ts (normalizeRoutes)
 */
export function anchoredSrc(src: string): string {
	const start = src.startsWith('^') ? src : `^${src}`;
	return (start.endsWith('$') ? start : `${start}$`).replace(/\\\//g, '/');
}

/** Compiles (and memoises) a PCRE pattern; throws a SyntaxError when it is not a valid pattern. */
export function compilePcre(pattern: string, caseSensitive = false): RegExp {
	const flags = caseSensitive ? '' : 'i';
	const cacheKey = `${flags}/${pattern}`;
	let regex = compiled.get(cacheKey);
	if (regex === undefined) {
		regex = new RegExp(pattern.replaceAll('(?P<', '(?<'), flags);
		compiled.set(cacheKey, regex);
	}
	return regex;
}

const compiledSrcs = new Map<string, RegExp>();

/** Compiles (and memoises) a route `src`, anchored as `normalizeRoutes` stores it. */
export function compileSrc(src: string, caseSensitive = false): RegExp {
	const cacheKey = `${caseSensitive ? '' : 'i'}/${src}`;
	let regex = compiledSrcs.get(cacheKey);
	if (regex === undefined) {
		regex = compilePcre(anchoredSrc(src), caseSensitive);
		compiledSrcs.set(cacheKey, regex);
	}
	return regex;
}

/** The error message when `pattern` does not compile, or undefined when it does. */
export function pcreError(pattern: string): string | undefined {
	try {
		compilePcre(pattern);
		return undefined;
	} catch (error) {
		return error instanceof Error ? error.message : String(error);
	}
}

/**
 * An origin-form path `request.path` may set: one leading `/`, at most 2048 characters, no query,
 * fragment, whitespace or control characters (routing-utils' pattern; vercel dev
 * `isValidRequestPath`, its request-smuggling guard).
 */
export function isRequestPath(path: string): boolean {
	if (path.length === 0 || path.length > 2048) return false;
	if (!path.startsWith('/') || path.startsWith('//')) return false;
	for (const char of path) {
		const code = char.codePointAt(0) ?? 0;
		if (code <= 0x20 || code === 0x7f || char === '?' || char === '#' || /\s/.test(char)) {
			return false;
		}
	}
	return true;
}

/**
 * Route `src` patterns are PCRE; Vercel and `vercel dev` convert them with `pcre-to-regexp`. The
 * patterns frameworks emit are already valid JavaScript apart from Python-style named groups, so
 * the conversion here is that one rewrite. Patterns are not anchored for you (`vercel dev` and
 * next-on-pages do not anchor either); `@vercel/routing-utils` adds `^`/`$` at build time.
 *
 * @see https://vercel.com/docs/build-output-api/configuration#source-route
 * @see https://github.com/vercel/vercel/blob/main/packages/cli/src/util/dev/router.ts
 */

const compiled = new Map<string, RegExp>();

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

/** The error message when `pattern` does not compile, or undefined when it does. */
export function pcreError(pattern: string): string | undefined {
	try {
		compilePcre(pattern);
		return undefined;
	} catch (error) {
		return error instanceof Error ? error.message : String(error);
	}
}

/**
 * What a visitor without the secret may do: revalidate the paths in the public list, from a page
 * of this site. Browsers set `Origin` and `Sec-Fetch-Site` themselves, and scripts on other sites
 * cannot forge them; the per-path cooldown bounds what a non-browser client can do.
 *
 * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Sec-Fetch-Site
 */

export type PublicDecision =
	| { readonly allowed: true }
	| { readonly allowed: false; readonly message: string; readonly index?: number };

/** `Origin` equal to the request's origin, or `Sec-Fetch-Site: same-origin`. */
export function isSameOrigin(headers: Headers, url: URL): boolean {
	return headers.get('origin') === url.origin || headers.get('sec-fetch-site') === 'same-origin';
}

export function decidePublicRequest(
	headers: Headers,
	url: URL,
	paths: readonly string[],
	publicPaths: readonly string[],
): PublicDecision {
	if (!isSameOrigin(headers, url)) {
		return {
			allowed: false,
			message:
				'Without a secret, pages can only be revalidated from this site itself. Send Authorization: Bearer <REVALIDATE_SECRET>.',
		};
	}
	const index = paths.findIndex((path) => !publicPaths.includes(path));
	if (index === -1) return { allowed: true };
	return {
		allowed: false,
		index,
		message: `paths[${index}] can only be revalidated with the secret: send Authorization: Bearer <REVALIDATE_SECRET>.`,
	};
}

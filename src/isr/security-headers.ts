/**
 * The site's security headers: one table from route kind to policy, read by `astro.config.mjs`
 * (the Content-Security-Policy directives Astro's `security.csp` sends) and by the middleware
 * (every other header). Pages never write these headers.
 *
 * The policy is hash-based: Astro computes a hash of every inline `<script>` and `<style>` it
 * renders and adds them to `script-src`/`style-src` next to `'self'`. Nonces cannot work here:
 * an ISR page is rendered once and served to everyone, so a nonce would be public and reused.
 * Astro sends the policy of an on-demand page as a `Content-Security-Policy` header (not a
 * `<meta>`), which is what makes `frame-ancestors` count: browsers ignore it in a `<meta>` policy.
 *
 * @see https://docs.astro.build/en/reference/configuration-reference/#securitycsp
 * @see https://www.w3.org/TR/CSP3/#directive-frame-ancestors
 * @see https://owasp.org/www-project-secure-headers/
 */

import type { APIContext } from 'astro';

/** A directive as Astro's `security.csp.directives` and `csp.insertDirective` take it. */
export type CspDirective = Parameters<NonNullable<APIContext['csp']>['insertDirective']>[0];

export type RouteKind = 'page' | 'admin';

/** Every route under `/admin` is an admin page: a whole segment, so `/administer` is not. */
export function routeKindOf(routePattern: string): RouteKind {
	return /^\/admin(\/|$)/.test(routePattern) ? 'admin' : 'page';
}

/**
 * The directives every page gets, besides the `script-src` and `style-src` Astro writes
 * (`'self'` plus the hashes of the page's inline scripts and styles). Nothing else may load.
 */
export const SITE_CSP_DIRECTIVES: readonly CspDirective[] = [
	"default-src 'none'",
	"base-uri 'none'",
	"connect-src 'self'",
	"img-src 'self'",
	"font-src 'self'",
	"manifest-src 'self'",
	"form-action 'self'",
	"frame-ancestors 'none'",
];

export interface SecurityPolicy {
	/** Added to {@link SITE_CSP_DIRECTIVES} for this kind; Astro merges the values of a directive. */
	readonly cspDirectives: readonly CspDirective[];
	/** Sent with HTML responses. */
	readonly htmlHeaders: Readonly<Record<string, string>>;
	/** Whether no cache may keep the response, whatever the cache policy says. */
	readonly noStore: boolean;
}

export const NOSNIFF = { 'x-content-type-options': 'nosniff' } as const;

/**
 * Admin pages get the strictest: never stored, and no referrer to any other origin (their URLs
 * may carry identifiers). Not `no-referrer`: under it Chromium sends `Origin: null` with the
 * editor's own form posts, which Astro's origin check (the editor's CSRF defence) then refuses.
 * Their CSP is the site's, which already allows no inline code beyond hashes, no framing and
 * forms to this origin only.
 *
 * @see https://fetch.spec.whatwg.org/#serializing-a-request-origin
 */
export const SECURITY_POLICIES: Readonly<Record<RouteKind, SecurityPolicy>> = {
	page: {
		cspDirectives: [],
		htmlHeaders: { 'referrer-policy': 'strict-origin-when-cross-origin' },
		noStore: false,
	},
	admin: {
		cspDirectives: [],
		htmlHeaders: { 'referrer-policy': 'same-origin' },
		noStore: true,
	},
};

export const HTML_CONTENT_TYPE = 'text/html; charset=utf-8';

/**
 * The headers a response gets on top of its own: `nosniff` always; for HTML also the referrer
 * policy and an explicit charset. The CSP header itself comes from Astro.
 */
export function securityHeadersFor(
	kind: RouteKind,
	contentType: string | null,
): Record<string, string> {
	const isHtml = contentType !== null && /^text\/html\b/i.test(contentType);
	if (!isHtml) return { ...NOSNIFF };
	return { ...NOSNIFF, ...SECURITY_POLICIES[kind].htmlHeaders, 'content-type': HTML_CONTENT_TYPE };
}

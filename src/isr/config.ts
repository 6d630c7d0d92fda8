/**
 * The one source of truth for the site's ISR settings.
 *
 * Read once at build time by `astro.config.mjs` (which passes them to `@astrojs/vercel`'s `isr`
 * option) and handed to server code through the `virtual:isr-config` module, so the page, the
 * cache policy, the revalidation endpoint and the prerender config can never disagree.
 *
 * @see https://docs.astro.build/en/guides/integrations-guide/vercel/#isr
 * @see https://vercel.com/docs/build-output-api/primitives#prerender-configuration-file
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { PAGE_VALUES } from '../lib/pagination.ts';
import { publishedPostPaths } from './prerender-paths.ts';
import { parseRouteRules, type RouteRuleInput, type RouteRules } from './route-rules.ts';

export const ISR_EXPIRATION_ENV = 'ISR_EXPIRATION';
export const ISR_BYPASS_TOKEN_ENV = 'ISR_BYPASS_TOKEN';
export const REVALIDATE_COOLDOWN_ENV = 'REVALIDATE_COOLDOWN_SECONDS';

export const DEFAULT_EXPIRATION_SECONDS = 60;

/** Vercel's `Prerender` refuses shorter tokens ("Enforce 128 bits of entropy", vercel/vercel#3810). */
export const MIN_BYPASS_TOKEN_LENGTH = 32;

/** Characters that survive a URL, a cookie value and an HTTP header unescaped (RFC 3986 unreserved). */
const TOKEN_ALPHABET = /^[A-Za-z0-9._~-]+$/;

/**
 * Routes that always run fresh in the plain `_render` function: every API endpoint (the
 * revalidation endpoint above all), the SSR contrast page, the editor (`/admin` and everything
 * under it: signed in, per person, sets cookies), and any route that sets cookies. Patterns are
 * matched by `@astrojs/vercel` against Astro's route patterns (`/api/revalidate`); one that
 * matches no route is ignored.
 */
export const ISR_EXCLUDE: readonly (string | RegExp)[] = [/^\/api(\/|$)/, '/ssr', /^\/admin(\/|$)/];

/**
 * Paths a visitor may revalidate without the secret (the Revalidate button). Edit this list to
 * offer the button on more pages; anything else needs `REVALIDATE_SECRET`.
 */
/** Valid `?page=` values of `/blog` (src/lib/pagination.ts). */
export const BLOG_PAGE_VALUES = PAGE_VALUES;

/**
 * Per-route ISR (./route-rules.ts), keyed by the route pattern as Astro writes it. A route
 * without a rule is served by `@astrojs/vercel`'s `_isr` with the site-wide settings.
 * - `expiration`: seconds or `false`; `ISR_EXPIRATION` when unset.
 * - `allowQuery` (+ `queryValues`): the query names that select a different page, and their
 *   valid values; other values are redirected to the route without the query.
 * - `prerender`: paths rendered at build and served as `PRERENDER` until first regenerated.
 * - `group`: outputs revalidated together.
 */
export const ROUTE_RULES: Readonly<Record<string, RouteRuleInput>> = {
	'/isr': { expiration: 30 },
	'/blog': { allowQuery: ['page'], queryValues: { page: BLOG_PAGE_VALUES } },
	'/blog/[slug]': { prerender: () => publishedPostPaths() },
};

export const PUBLIC_REVALIDATE_PATHS: readonly string[] = ['/', '/isr', '/data.json'];
/** How young a render the button may not replace; `REVALIDATE_COOLDOWN_SECONDS` overrides it. */
export const DEFAULT_PUBLIC_REVALIDATE_COOLDOWN_SECONDS = 10;

export interface IsrConfig {
	/** Seconds before a cached page is regenerated in the background, or `false` for "until revalidated or redeployed". */
	readonly expiration: number | false;
	/** Shared with Vercel: authorises `x-prerender-revalidate` and the `__prerender_bypass` cookie. Server-only. */
	readonly bypassToken: string;
	/** Where the token came from: the environment, or generated for this build. */
	readonly bypassTokenSource: 'env' | 'generated';
	readonly exclude: readonly (string | RegExp)[];
	readonly publicRevalidatePaths: readonly string[];
	readonly publicRevalidateCooldownSeconds: number;
	/** Validated {@link ROUTE_RULES}; checked against the site's routes at build. */
	readonly routeRules: RouteRules;
}

/** Thrown when the environment holds a value the build cannot use. */
export class IsrConfigError extends Error {
	override name = 'IsrConfigError';
}

function isWholeSeconds(raw: string): boolean {
	return /^\d+$/.test(raw) && Number(raw) >= 1 && Number.isSafeInteger(Number(raw));
}

const cooldownSchema = z
	.string()
	.trim()
	.refine(isWholeSeconds, {
		error: (issue) =>
			`${REVALIDATE_COOLDOWN_ENV}=${JSON.stringify(issue.input)} is not allowed: use a whole number of seconds ≥ 1 (default ${DEFAULT_PUBLIC_REVALIDATE_COOLDOWN_SECONDS}).`,
	})
	.transform(Number);

const expirationSchema = z
	.string()
	.trim()
	.transform((raw, ctx): number | false => {
		if (raw === 'false') return false;
		if (isWholeSeconds(raw)) return Number(raw);
		ctx.addIssue({
			code: 'custom',
			message: `${ISR_EXPIRATION_ENV}=${JSON.stringify(raw)} is not allowed: use a whole number of seconds ≥ 1 (for example 60), or "false" to keep pages until they are revalidated or redeployed.`,
		});
		return z.NEVER;
	});

const bypassTokenSchema = z.string().superRefine((token, ctx) => {
	// The value itself is never echoed: it is a secret, even when it is a bad one.
	if (token.length < MIN_BYPASS_TOKEN_LENGTH) {
		ctx.addIssue({
			code: 'custom',
			message: `${ISR_BYPASS_TOKEN_ENV} is ${token.length} characters long; Vercel needs at least ${MIN_BYPASS_TOKEN_LENGTH}. Generate one with \`node -e "console.log(crypto.randomBytes(32).toString('base64url'))"\`, or unset it to use a per-build token.`,
		});
	} else if (!TOKEN_ALPHABET.test(token)) {
		ctx.addIssue({
			code: 'custom',
			message: `${ISR_BYPASS_TOKEN_ENV} contains characters that are not safe in a URL or an HTTP header; use only A–Z, a–z, 0–9, "-", "_", "." and "~" (base64url or hex output is fine).`,
		});
	}
});

/** 256 random bits, base64url: 43 characters from the token alphabet. */
export function generateBypassToken(): string {
	return randomBytes(32).toString('base64url');
}

export type Env = Readonly<Record<string, string | undefined>>;

/** Reads and validates the ISR settings. Throws an {@link IsrConfigError} that says what to fix. */
export function resolveIsrConfig(
	env: Env,
	generateToken: () => string = generateBypassToken,
	routeRuleInput: Readonly<Record<string, unknown>> = ROUTE_RULES,
): IsrConfig {
	const problems: string[] = [];
	const { rules: routeRules, problems: ruleProblems } = parseRouteRules(routeRuleInput);
	problems.push(...ruleProblems);

	let expiration: number | false = DEFAULT_EXPIRATION_SECONDS;
	const rawExpiration = env[ISR_EXPIRATION_ENV];
	if (rawExpiration !== undefined && rawExpiration !== '') {
		const parsed = expirationSchema.safeParse(rawExpiration);
		if (parsed.success) expiration = parsed.data;
		else problems.push(...parsed.error.issues.map((issue) => issue.message));
	}

	let bypassToken: string;
	let bypassTokenSource: IsrConfig['bypassTokenSource'];
	const rawToken = env[ISR_BYPASS_TOKEN_ENV];
	if (rawToken !== undefined && rawToken !== '') {
		const parsed = bypassTokenSchema.safeParse(rawToken);
		if (!parsed.success) problems.push(...parsed.error.issues.map((issue) => issue.message));
		bypassToken = rawToken;
		bypassTokenSource = 'env';
	} else {
		bypassToken = generateToken();
		bypassTokenSource = 'generated';
	}

	let cooldown = DEFAULT_PUBLIC_REVALIDATE_COOLDOWN_SECONDS;
	const rawCooldown = env[REVALIDATE_COOLDOWN_ENV];
	if (rawCooldown !== undefined && rawCooldown !== '') {
		const parsed = cooldownSchema.safeParse(rawCooldown);
		if (parsed.success) cooldown = parsed.data;
		else problems.push(...parsed.error.issues.map((issue) => issue.message));
	}

	if (problems.length > 0) {
		throw new IsrConfigError(`Invalid ISR configuration:\n- ${problems.join('\n- ')}`);
	}

	return {
		expiration,
		bypassToken,
		bypassTokenSource,
		exclude: ISR_EXCLUDE,
		publicRevalidatePaths: PUBLIC_REVALIDATE_PATHS,
		publicRevalidateCooldownSeconds: cooldown,
		routeRules,
	};
}

/**
 * Per-route ISR rules, like Nuxt's `routeRules`: a map from a route pattern as Astro writes it
 * (`/isr`, `/blog/[slug]`) to how that route is cached. Each rule becomes its own prerender
 * function in the build output (./rule-output.ts), as SvelteKit's adapter does per route.
 *
 * @see https://nuxt.com/docs/guide/concepts/rendering#route-rules
 * @see https://vercel.com/docs/build-output-api/primitives#prerender-configuration-file
 */
import { z } from 'zod';

/** Query names Vercel can key on: what `URLSearchParams` keeps as written, without `&`, `=` or spaces. */
const QUERY_NAME = /^[A-Za-z0-9._~-]+$/;

/** Paths to render at build: a list, or a function the build calls (never config.ts itself). */
export type PrerenderPaths = readonly string[] | (() => Promise<readonly string[]>);

const ruleSchema = z
	.object({
		expiration: z
			.unknown()
			.refine(
				(value) => value === false || (Number.isSafeInteger(value) && (value as number) >= 1),
				{
					error: 'must be a whole number of seconds ≥ 1, or false (until revalidated)',
				},
			)
			.transform((value) => value as number | false)
			.optional(),
		allowQuery: z
			.array(
				z.string().regex(QUERY_NAME, 'must be a query name (A–Z, a–z, 0–9, ".", "_", "~", "-")'),
			)
			.optional(),
		/**
		 * For each name in `allowQuery`, the values that select a page (a regex the whole value must
		 * match). Every other value is redirected to the route without the query, so a visitor cannot
		 * mint cache entries with values no page has.
		 */
		queryValues: z.record(z.string(), z.string()).optional(),
		prerender: z
			.union(
				[
					z.array(z.string()),
					z.custom<() => Promise<readonly string[]>>((value) => typeof value === 'function'),
				],
				{
					error: 'must be a list of paths or a function returning them',
				},
			)
			.optional(),
		group: z.int().min(1, 'must be a whole number ≥ 1').optional(),
	})
	.strict()
	.superRefine((rule, ctx) => {
		for (const name of rule.allowQuery ?? []) {
			const pattern = rule.queryValues?.[name];
			if (pattern === undefined) {
				ctx.addIssue({
					code: 'custom',
					path: ['queryValues', name],
					message: `is missing: say which values of "${name}" select a page, or every distinct value becomes its own cache entry`,
				});
			} else if (!isRegex(pattern)) {
				ctx.addIssue({
					code: 'custom',
					path: ['queryValues', name],
					message: 'is not a valid regular expression',
				});
			}
		}
		for (const name of Object.keys(rule.queryValues ?? {})) {
			if (!(rule.allowQuery ?? []).includes(name)) {
				ctx.addIssue({
					code: 'custom',
					path: ['queryValues', name],
					message: `names "${name}", which is not in allowQuery`,
				});
			}
		}
	});

export type RouteRuleInput = z.input<typeof ruleSchema>;

export interface RouteRule {
	/** Seconds, `false`, or `undefined` for the site-wide `ISR_EXPIRATION`. */
	readonly expiration?: number | false | undefined;
	readonly allowQuery: readonly string[];
	readonly queryValues: Readonly<Record<string, string>>;
	readonly prerender?: PrerenderPaths | undefined;
	readonly group?: number | undefined;
}

export type RouteRules = Readonly<Record<string, RouteRule>>;

function isRegex(source: string): boolean {
	try {
		new RegExp(source);
		return true;
	} catch {
		return false;
	}
}

/** Validates the map's values; each message names the route and the field. */
export function parseRouteRules(input: Readonly<Record<string, unknown>>): {
	rules: RouteRules;
	problems: string[];
} {
	const rules: Record<string, RouteRule> = {};
	const problems: string[] = [];
	for (const [pattern, raw] of Object.entries(input)) {
		const parsed = ruleSchema.safeParse(raw);
		if (!parsed.success) {
			for (const issue of parsed.error.issues) {
				const field = issue.path.length > 0 ? issue.path.join('.') : '(rule)';
				problems.push(`route rule ${JSON.stringify(pattern)}: ${field} ${issue.message}`);
			}
			continue;
		}
		const { allowQuery = [], queryValues = {}, ...rest } = parsed.data;
		rules[pattern] = { ...rest, allowQuery, queryValues };
	}
	return { rules, problems };
}

/** What the build knows of one of Astro's routes when it checks the rules. */
export interface KnownRoute {
	readonly pattern: string;
	readonly patternRegex: RegExp;
	/** `excluded`: renders in `_render`; `static`: prerendered by Astro into static files. */
	readonly served: 'isr' | 'excluded' | 'static';
}

/** Problems of rules that name no ISR route of the site (unknown, excluded or static routes). */
export function checkRulesAgainstRoutes(
	rules: RouteRules,
	routes: readonly KnownRoute[],
): string[] {
	return Object.keys(rules).flatMap((pattern) => {
		const route = routes.find((known) => known.pattern === pattern);
		if (route === undefined) {
			const known = routes.filter((r) => r.served === 'isr').map((r) => r.pattern);
			return [
				`route rule ${JSON.stringify(pattern)}: names no route of this site (ISR routes: ${known.join(', ')})`,
			];
		}
		if (route.served !== 'isr') {
			return [
				`route rule ${JSON.stringify(pattern)}: the route is ${route.served === 'excluded' ? 'excluded from ISR (ISR_EXCLUDE)' : 'static (prerendered by Astro)'}, so no rule applies to it`,
			];
		}
		return [];
	});
}

/** Problems of prerendered paths that the rule's route does not match. */
export function checkPrerenderPaths(
	pattern: string,
	patternRegex: RegExp,
	paths: readonly string[],
): string[] {
	return paths.flatMap((path, index) =>
		typeof path === 'string' &&
		path.startsWith('/') &&
		!/[?#]/.test(path) &&
		patternRegex.test(path)
			? []
			: [
					`route rule ${JSON.stringify(pattern)}: prerender[${index}] ${JSON.stringify(path)} does not match the route`,
				],
	);
}

/**
 * `.vercel/output/config.json`: routes (source routes and phase handles) and static-file overrides.
 * Fields the local runtime does not act on (`images`, `crons`, `wildcard`, `cache`, `framework`) are
 * accepted and ignored.
 *
 * @see https://vercel.com/docs/build-output-api/configuration
 * @see https://github.com/vercel/vercel/blob/main/packages/routing-utils/src/types.ts
 */
import { z } from 'zod';
import { anchoredSrc, pcreError } from '../routing/pcre.ts';

/** @see https://vercel.com/docs/build-output-api/configuration#handler-route */
export const HANDLE_VALUES = ['filesystem', 'rewrite', 'resource', 'miss', 'hit', 'error'] as const;
export type HandleValue = (typeof HANDLE_VALUES)[number];

const regexString = z.string().superRefine((pattern, ctx) => {
	const problem = pcreError(pattern);
	if (problem !== undefined) {
		ctx.addIssue({ code: 'custom', message: `is not a valid regular expression (${problem})` });
	}
});

/** A route `src`, checked as the router compiles it: anchored (normalizeRoutes). */
const srcString = z.string().superRefine((src, ctx) => {
	const problem = pcreError(anchoredSrc(src));
	if (problem !== undefined) {
		ctx.addIssue({ code: 'custom', message: `is not a valid regular expression (${problem})` });
	}
});

/** A string is a regular expression; an object compares (`eq`, `pre`, `gt`, …). */
const MatchableValueSchema = z.union([
	regexString,
	z.strictObject({
		eq: z.union([z.string(), z.number()]).optional(),
		neq: z.string().optional(),
		inc: z.array(z.string()).optional(),
		ninc: z.array(z.string()).optional(),
		pre: z.string().optional(),
		suf: z.string().optional(),
		re: regexString.optional(),
		gt: z.number().optional(),
		gte: z.number().optional(),
		lt: z.number().optional(),
		lte: z.number().optional(),
	}),
]);
export type MatchableValue = z.infer<typeof MatchableValueSchema>;

/** @see https://vercel.com/docs/build-output-api/configuration#has-field */
export const HasFieldSchema = z.discriminatedUnion('type', [
	z.object({ type: z.literal('host'), value: MatchableValueSchema }),
	z.object({
		type: z.enum(['header', 'cookie', 'query']),
		key: z.string().min(1),
		value: MatchableValueSchema.optional(),
	}),
]);
export type HasField = z.infer<typeof HasFieldSchema>;

/** @see https://vercel.com/docs/build-output-api/configuration#source-route */
export const SourceRouteSchema = z.looseObject({
	src: srcString,
	dest: z.string().optional(),
	headers: z.record(z.string(), z.string()).optional(),
	methods: z.array(z.string()).optional(),
	continue: z.boolean().optional(),
	override: z.boolean().optional(),
	caseSensitive: z.boolean().optional(),
	check: z.boolean().optional(),
	important: z.boolean().optional(),
	status: z.number().int().min(100).max(599).optional(),
	has: z.array(HasFieldSchema).optional(),
	missing: z.array(HasFieldSchema).optional(),
	middlewarePath: z.string().optional(),
	middlewareRawSrc: z.array(z.string()).optional(),
	locale: z.unknown().optional(),
	mitigate: z.unknown().optional(),
	transforms: z.unknown().optional(),
});
export type SourceRoute = z.infer<typeof SourceRouteSchema>;

/** @see https://vercel.com/docs/build-output-api/configuration#handler-route */
export const HandleRouteSchema = z.looseObject({
	handle: z.enum(HANDLE_VALUES),
	src: z.string().optional(),
	dest: z.string().optional(),
	status: z.number().int().optional(),
});
export type HandleRoute = z.infer<typeof HandleRouteSchema>;

export type Route = SourceRoute | HandleRoute;

export function isHandleRoute(route: Route): route is HandleRoute {
	return typeof route.handle === 'string';
}

// Each route is checked against the schema its shape asks for, so an error names the route's own
// problem rather than "matches neither a source nor a handle route".
const RoutesSchema = z.array(z.unknown()).transform((routes, ctx): Route[] => {
	const parsed: Route[] = [];
	const seenHandles = new Set<string>();
	routes.forEach((route, index) => {
		const isHandle = typeof route === 'object' && route !== null && 'handle' in route;
		const result = (isHandle ? HandleRouteSchema : SourceRouteSchema).safeParse(route);
		if (!result.success) {
			for (const issue of result.error.issues) {
				ctx.addIssue({ ...issue, path: [index, ...issue.path] } as z.core.$ZodRawIssue);
			}
			return;
		}
		const parsedRoute: Route = result.data;
		if (isHandleRoute(parsedRoute)) {
			// @see https://github.com/vercel/vercel/blob/main/packages/routing-utils/src/index.ts (normalizeRoutes)
			if (seenHandles.has(parsedRoute.handle)) {
				ctx.addIssue({
					code: 'custom',
					path: [index, 'handle'],
					message: `"${parsedRoute.handle}" appears more than once; each phase may be handled once`,
				});
			}
			seenHandles.add(parsedRoute.handle);
		}
		parsed.push(parsedRoute);
	});
	return parsed;
});

/** @see https://vercel.com/docs/build-output-api/configuration#overrides */
const OverrideSchema = z.object({
	path: z.string().optional(),
	contentType: z.string().optional(),
	mode: z.number().optional(),
});

export const ConfigSchema = z.looseObject({
	version: z.literal(3, { error: 'must be 3 (this runtime reads Build Output API v3)' }),
	routes: RoutesSchema.optional(),
	overrides: z.record(z.string(), OverrideSchema).optional(),
});
export type Config = z.infer<typeof ConfigSchema>;

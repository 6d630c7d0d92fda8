/**
 * `.vercel/output/config.json`: routes (source routes and phase handles) and static-file overrides.
 * Fields the local runtime does not act on (`images`, `crons`, `wildcard`, `cache`, `framework`) are
 * accepted and ignored.
 *
 * @see https://vercel.com/docs/build-output-api/configuration
 * @see https://github.com/vercel/vercel/blob/main/packages/routing-utils/src/types.ts
 */
import { z } from 'zod';
import { anchoredSrc, isRequestPath, pcreError } from './route-patterns.ts';

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

/** A transform's key: a name, or a comparison (routing-utils: `MatchableValue` without `re`). */
const TransformKeySchema = z.union([
	z.string().max(4096),
	z
		.strictObject({
			eq: z.union([z.string().max(4096), z.number()]).optional(),
			neq: z.string().max(4096).optional(),
			inc: z.array(z.string().max(4096)).optional(),
			ninc: z.array(z.string().max(4096)).optional(),
			pre: z.string().max(4096).optional(),
			suf: z.string().max(4096).optional(),
			gt: z.number().optional(),
			gte: z.number().optional(),
			lt: z.number().optional(),
			lte: z.number().optional(),
		})
		.refine((key) => Object.keys(key).length > 0, 'needs at least one comparison'),
]);
export type TransformKey = z.infer<typeof TransformKeySchema>;

const HEADER_NAME = /^[a-zA-Z0-9_-]+$/;
const HEADER_ARG = /^[a-zA-Z0-9_ :;.,"'?!(){}[\]@<>=+*#$&`|~^%/-]+$/;
const TransformEnvSchema = z.array(z.string().max(256)).min(1).max(64).optional();

const HeaderQueryTransformSchema = z
	.strictObject({
		type: z.enum(['request.headers', 'request.query', 'response.headers']),
		op: z.enum(['append', 'set', 'delete']),
		target: z.strictObject({ key: TransformKeySchema }),
		args: z.union([z.string().max(4096), z.array(z.string().max(4096)).min(1)]).optional(),
		env: TransformEnvSchema,
	})
	.superRefine((transform, ctx) => {
		if (transform.op === 'delete') return;
		if (transform.args === undefined) {
			ctx.addIssue({
				code: 'custom',
				path: ['args'],
				message: `is required for "${transform.op}"`,
			});
		}
		if (transform.type === 'request.query') return;
		const { key } = transform.target;
		if (typeof key === 'string' && !HEADER_NAME.test(key)) {
			ctx.addIssue({
				code: 'custom',
				path: ['target', 'key'],
				message: 'must be a header name (letters, digits, "-" and "_")',
			});
		}
		const args = typeof transform.args === 'string' ? [transform.args] : (transform.args ?? []);
		if (args.some((arg) => !HEADER_ARG.test(arg))) {
			ctx.addIssue({
				code: 'custom',
				path: ['args'],
				message: 'must be header values of printable characters',
			});
		}
	});

const PathTransformSchema = z.strictObject({
	type: z.literal('request.path'),
	op: z.literal('set'),
	args: z
		.string()
		.max(2048)
		.refine(
			isRequestPath,
			'must be a path starting with one "/", without query, fragment, spaces or control characters',
		),
	env: TransformEnvSchema,
});

/**
 * A route's `transforms`, as routing-utils' `transformsSchema` allows them.
 *
 * @see https://github.com/vercel/vercel/blob/main/packages/routing-utils/src/schemas.ts (transformsSchema)
 * @see https://github.com/vercel/vercel/blob/main/packages/routing-utils/src/types.ts (Transform)
 */
export const TransformSchema = z.discriminatedUnion('type', [
	HeaderQueryTransformSchema,
	PathTransformSchema,
]);
export type Transform = z.infer<typeof TransformSchema>;
export type HeaderQueryTransform = z.infer<typeof HeaderQueryTransformSchema>;

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
	transforms: z.array(TransformSchema).min(1).optional(),
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

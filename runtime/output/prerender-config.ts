/**
 * `<name>.prerender-config.json`: marks a function as a prerender (ISR) function.
 *
 * @see https://vercel.com/docs/build-output-api/primitives#prerender-configuration-file
 * @see https://github.com/vercel/vercel/blob/main/packages/build-utils/src/prerender.ts
 */
import { z } from 'zod';
import { HasFieldSchema } from './config-schema.ts';

export const PrerenderConfigSchema = z
	.object({
		/** Seconds before the cached response is regenerated in the background; `false` = only on demand. */
		expiration: z.union([z.number().int().nonnegative(), z.literal(false)]),
		/** `expire` in Next.js terms; parsed but not acted on (spec §9.3). */
		staleExpiration: z.number().int().positive().optional(),
		/**
		 * Outputs with the same group are revalidated together: a revalidation of one key also
		 * regenerates the other members' entries for the same host and query (cache/prerender-group.ts,
		 * spec §9.12 [U]).
		 */
		group: z.number().int().positive().optional(),
		/** Authorises `x-prerender-revalidate` and the `__prerender_bypass` cookie. Vercel needs ≥ 32 characters. */
		bypassToken: z
			.string()
			.min(32, 'bypassToken must be at least 32 characters (Vercel rejects shorter ones)')
			.optional(),
		/** Static file served while no runtime-generated version exists, relative to the config file. */
		fallback: z
			.union([
				z.string(),
				z.object({
					type: z.literal('FileFsRef'),
					fsPath: z.string(),
					mode: z.number().optional(),
					contentType: z.string().optional(),
				}),
			])
			.optional(),
		/** `undefined`: the whole query is in the key; `[]`: none of it; a list: only those keys. */
		allowQuery: z.array(z.string()).optional(),
		/** When true the function sees the (allow-listed) query string; otherwise none. */
		passQuery: z.boolean().optional(),
		/** Visitor headers a stored render receives besides the fixed set (cache/render-headers.ts). */
		allowHeader: z.array(z.string()).optional(),
		initialHeaders: z.record(z.string(), z.string()).optional(),
		initialStatus: z.number().int().optional(),
		exposeErrBody: z.boolean().optional(),
		/** Requests matching any of these bypass the cache, as route `has` conditions match. */
		experimentalBypassFor: z.array(HasFieldSchema).optional(),
	})
	.loose();

export type PrerenderConfig = z.infer<typeof PrerenderConfigSchema>;

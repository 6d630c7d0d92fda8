/**
 * `functions/<name>.func/.vc-config.json`: how to run a function. Node.js functions name their
 * entry file in `handler`; Edge functions name it in `entrypoint`.
 *
 * @see https://vercel.com/docs/build-output-api/primitives#serverless-function-configuration
 * @see https://vercel.com/docs/build-output-api/primitives#edge-runtime
 */
import { z } from 'zod';

export const VcConfigSchema = z
	.looseObject({
		runtime: z.string().min(1),
		handler: z.string().min(1).optional(),
		entrypoint: z.string().min(1).optional(),
		launcherType: z.string().optional(),
		memory: z.number().positive().optional(),
		maxDuration: z.number().positive().optional(),
		environment: z.record(z.string(), z.string()).optional(),
		regions: z.array(z.string()).optional(),
		supportsResponseStreaming: z.boolean().optional(),
		shouldAddHelpers: z.boolean().optional(),
	})
	.superRefine((config, ctx) => {
		if (config.runtime === 'edge' && config.entrypoint === undefined) {
			ctx.addIssue({
				code: 'custom',
				path: ['entrypoint'],
				message: 'is required for runtime "edge"',
			});
		}
		if (config.runtime !== 'edge' && config.handler === undefined) {
			ctx.addIssue({
				code: 'custom',
				path: ['handler'],
				message: `is required for runtime "${config.runtime}"`,
			});
		}
	});
export type VcConfig = z.infer<typeof VcConfigSchema>;

/** Node.js launcher functions are run; Edge and other runtimes are not. */
export function isSupportedRuntime(config: VcConfig): boolean {
	const isNode = config.runtime.startsWith('nodejs');
	return isNode && (config.launcherType ?? 'Nodejs') === 'Nodejs' && config.handler !== undefined;
}

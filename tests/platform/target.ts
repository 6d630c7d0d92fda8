/**
 * What the platform suite runs against. With `BASE_URL` set: that deployment, with the secrets
 * it was built with (see README "Testing against Vercel"). Without: the local runtime serving
 * this run's test build, started here (the only place in the suite that knows it exists) and
 * stopped after each file.
 */
import { afterAll, inject } from 'vitest';
import { z } from 'zod';

export interface Target {
	readonly baseUrl: string;
	/** The deployment's `REVALIDATE_SECRET`. */
	readonly revalidateSecret: string;
	/** The deployment's `ISR_BYPASS_TOKEN` (set at build time, not per-build). */
	readonly bypassToken: string;
	/** The deployment's `VERCEL_AUTOMATION_BYPASS_SECRET`, for protected previews. */
	readonly protectionBypass: string | undefined;
	/** Seconds before the public button may replace a render (`REVALIDATE_COOLDOWN_SECONDS`). */
	readonly cooldownSeconds: number;
}

const remoteEnvSchema = z.object({
	BASE_URL: z.url({
		protocol: /^https?$/,
		error: 'BASE_URL must be an http(s) URL, e.g. https://my-app-git-main.vercel.app',
	}),
	PLATFORM_REVALIDATE_SECRET: z
		.string({
			error: 'PLATFORM_REVALIDATE_SECRET is not set: use the deployment’s REVALIDATE_SECRET.',
		})
		.min(1),
	PLATFORM_BYPASS_TOKEN: z
		.string({
			error:
				'PLATFORM_BYPASS_TOKEN is not set: use the ISR_BYPASS_TOKEN the deployment was built with.',
		})
		.min(32, 'PLATFORM_BYPASS_TOKEN is shorter than the 32 characters a bypass token has.'),
	PLATFORM_PROTECTION_BYPASS: z.string().min(1).optional(),
	PLATFORM_COOLDOWN_SECONDS: z.coerce.number().int().min(1).default(10),
});

declare module 'vitest' {
	export interface ProvidedContext {
		/** `BASE_URL` as the shell set it (vitest.config.ts), or `''`. */
		platformBaseUrl: string;
	}
}

async function resolveTarget(): Promise<Target> {
	const baseUrl = inject('platformBaseUrl');
	if (baseUrl !== '') {
		const parsed = remoteEnvSchema.safeParse({ ...process.env, BASE_URL: baseUrl });
		if (!parsed.success) {
			throw new Error(
				`Platform suite: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`,
			);
		}
		const env = parsed.data;
		return {
			baseUrl: env.BASE_URL.replace(/\/+$/, ''),
			revalidateSecret: env.PLATFORM_REVALIDATE_SECRET,
			bypassToken: env.PLATFORM_BYPASS_TOKEN,
			protectionBypass: env.PLATFORM_PROTECTION_BYPASS,
			cooldownSeconds: env.PLATFORM_COOLDOWN_SECONDS,
		};
	}
	const { build, startSite } = await import('../e2e/support.ts');
	const revalidateSecret = 'platform-suite-secret-0123456789abcdef';
	const site = await startSite({ REVALIDATE_SECRET: revalidateSecret });
	afterAll(() => site.close());
	return {
		baseUrl: site.url,
		revalidateSecret,
		bypassToken: build.bypassToken,
		protectionBypass: undefined,
		cooldownSeconds: build.cooldown,
	};
}

export const target: Target = await resolveTarget();

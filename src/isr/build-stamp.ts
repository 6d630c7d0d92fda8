/**
 * What a build baked in from the environment, so `npm start` can tell when the build on disk was
 * made with other ISR settings than the current ones (the expiration and token are fixed at build
 * time). Holds a hash of a configured token, never the token.
 */
import { createHash } from 'node:crypto';
import type { IsrConfig } from './config.ts';

/** Relative to the project root; inside `node_modules/.cache` so it is neither deployed nor committed. */
export const BUILD_STAMP_PATH = 'node_modules/.cache/astro-vercel-isr/build-stamp.json';

export interface BuildStamp {
	readonly expiration: number | false;
	/** `generated` when the build made its own token; otherwise a hash of the configured one. */
	readonly bypassToken: string;
	readonly cooldown: number;
}

export function buildStampOf(
	config: Pick<
		IsrConfig,
		'expiration' | 'bypassToken' | 'bypassTokenSource' | 'publicRevalidateCooldownSeconds'
	>,
): BuildStamp {
	return {
		expiration: config.expiration,
		bypassToken:
			config.bypassTokenSource === 'generated'
				? 'generated'
				: `sha256:${createHash('sha256').update(config.bypassToken).digest('hex').slice(0, 16)}`,
		cooldown: config.publicRevalidateCooldownSeconds,
	};
}

export function sameStamp(a: BuildStamp, b: BuildStamp): boolean {
	return (
		a.expiration === b.expiration && a.bypassToken === b.bypassToken && a.cooldown === b.cooldown
	);
}

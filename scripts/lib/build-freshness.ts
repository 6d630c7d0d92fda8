import { sameStamp, type BuildStamp } from '../../src/isr/build-stamp.ts';

/** Files and folders whose changes make a new build necessary, relative to the project root. */
export const BUILD_INPUTS = [
	'src',
	'public',
	'astro.config.mjs',
	'package.json',
	'tsconfig.json',
	'.env',
	'.env.local',
	'.env.production',
	'.env.production.local',
];

export interface BuildState {
	/** Modification time of `.vercel/output/config.json` (ms), or `null` when there is no build. */
	readonly builtAt: number | null;
	/** Newest modification time among the build inputs (ms). */
	readonly newestInput: number;
	/** Settings the build on disk baked in, or `null` when unknown. */
	readonly builtWith: BuildStamp | null;
	/** Settings the current environment asks for. */
	readonly wanted: BuildStamp;
}

/** Why the site must be built before it is served, or `null` when the build on disk is current. */
export function reasonToBuild(state: BuildState): string | null {
	if (state.builtAt === null) return 'no build in .vercel/output';
	if (state.newestInput > state.builtAt) return 'sources changed since the last build';
	if (state.builtWith === null) return 'the last build was not made by this project';
	if (!sameStamp(state.builtWith, state.wanted))
		return 'ISR_EXPIRATION, ISR_BYPASS_TOKEN or REVALIDATE_COOLDOWN_SECONDS changed';
	return null;
}

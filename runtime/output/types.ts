/**
 * The output folder as the rest of the runtime sees it: validated, typed, addressable by URL path.
 */
import type { PrerenderOutput } from '../cache/types.ts';
import type { Route } from './config-schema.ts';
import type { VcConfig } from './vc-config-schema.ts';

export interface StaticFile {
	readonly kind: 'static';
	/** Absolute path on disk. */
	readonly fsPath: string;
	readonly contentType: string | undefined;
}

/** A `.func` folder. Symlinked folders resolve to their target, so both share one loaded module. */
export interface FunctionOutput {
	readonly kind: 'function';
	/** `/_render` for functions/_render.func, `/blog/post` for functions/blog/post.func. */
	readonly outputPath: string;
	/** Absolute real path of the `.func` folder. */
	readonly dir: string;
	readonly config: VcConfig;
}

/** A function with a `<name>.prerender-config.json` next to it. */
export interface PrerenderFunction {
	readonly kind: 'prerender';
	readonly outputPath: string;
	readonly function: FunctionOutput;
	readonly prerender: PrerenderOutput;
}

export type FilesystemEntry = StaticFile | FunctionOutput | PrerenderFunction;

export interface Output {
	/** Absolute path of the output folder. */
	readonly dir: string;
	/** The output folder as given, for messages (`.vercel/output`). */
	readonly displayDir: string;
	readonly routes: readonly Route[];
	/** What the filesystem phase finds at a URL path (`/favicon.svg`, `/_isr`, `/`). */
	readonly files: ReadonlyMap<string, FilesystemEntry>;
	readonly functions: readonly FunctionOutput[];
	readonly prerenders: readonly PrerenderFunction[];
	readonly staticFileCount: number;
	/** Things the runtime ignores that the user should know about. */
	readonly warnings: readonly string[];
}

/**
 * The environment functions run with, and the one `.env` loader of the runtime and the project's
 * scripts. Functions run in this process, so their environment is `process.env`: the project's
 * `.env` files fill in what the shell did not set, and the runtime adds the system variables in
 * {@link SYSTEM_ENV}. Every variable the runtime sets for functions is set here.
 *
 * @see https://vercel.com/docs/environment-variables/system-environment-variables
 * @see https://vercel.com/docs/build-output-api/primitives#serverless-function-configuration (`environment`)
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseEnv } from 'node:util';

/** Later files win, as in Vite and the Vercel CLI: mode-specific over generic, `.local` over shared. */
export const DOTENV_FILES = ['.env', '.env.local', '.env.production', '.env.production.local'];

export type EnvRecord = Readonly<Record<string, string>>;

/** Vercel's system variables the runtime sets for functions, and what each holds here. */
export const SYSTEM_ENV = {
	VERCEL: '`1`: code runs on (a stand-in for) Vercel.',
	VERCEL_ENV: '`production` (a production build is served), unless the shell sets it.',
	VERCEL_URL:
		'host[:port] visitors reach the server at, no scheme: the bound port once listening, `localhost` for a wildcard host.',
} as const;

/** The variables of the project's `.env` files; missing files are skipped. */
export async function readDotenvFiles(projectRoot: string): Promise<EnvRecord> {
	const values: Record<string, string> = {};
	for (const name of DOTENV_FILES) {
		try {
			const parsed = parseEnv(await readFile(join(projectRoot, name), 'utf8'));
			for (const [key, value] of Object.entries(parsed))
				if (value !== undefined) values[key] = value;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
		}
	}
	return values;
}

/**
 * The project's environment as its scripts see it: the shell's variables over the `.env` files'.
 * (`astro.config.mjs` and `scripts/lib/ensure-build.ts` use Vite's `loadEnv`, which also expands `$VAR`:
 * it is what `astro build` bakes in.)
 */
export async function readProjectEnv(
	projectRoot: string,
	processEnv: Readonly<Record<string, string | undefined>> = process.env,
): Promise<Readonly<Record<string, string | undefined>>> {
	return { ...(await readDotenvFiles(projectRoot)), ...processEnv };
}

export interface FunctionEnvInput {
	readonly dotenv: EnvRecord;
	/** `environment` of every `.vc-config.json`, merged. */
	readonly functions: EnvRecord;
	readonly processEnv: Readonly<Record<string, string | undefined>>;
	/** host[:port] visitors reach the runtime at. */
	readonly publicHost: string;
}

/**
 * The variables to add to `process.env`. The shell wins over files; `VERCEL` and `VERCEL_URL` are
 * always the runtime's; `VERCEL_ENV` is `production` (this serves a production build) unless the
 * shell sets it.
 */
export function functionEnv(input: FunctionEnvInput): EnvRecord {
	const fromShell = (name: string) => input.processEnv[name];
	const added: Record<string, string> = {};
	for (const [name, value] of Object.entries({ ...input.dotenv, ...input.functions })) {
		if (fromShell(name) === undefined) added[name] = value;
	}
	const system: Record<keyof typeof SYSTEM_ENV, string> = {
		VERCEL: '1',
		VERCEL_ENV: fromShell('VERCEL_ENV') ?? 'production',
		VERCEL_URL: input.publicHost,
	};
	return { ...added, ...system };
}

/** The variables that name the deployment's host: `VERCEL_URL` (no scheme, as on Vercel). */
export function publicHostEnv(host: string): EnvRecord {
	return { VERCEL_URL: host };
}

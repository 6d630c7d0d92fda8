/**
 * The environment functions run with. Functions run in this process, so their environment is
 * `process.env`: the project's `.env` files fill in what the shell did not set, and the runtime
 * adds Vercel's system variables.
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
	return {
		...added,
		VERCEL: '1',
		VERCEL_ENV: fromShell('VERCEL_ENV') ?? 'production',
		...publicHostEnv(input.publicHost),
	};
}

/** The variables that name the deployment's host: `VERCEL_URL` (no scheme, as on Vercel). */
export function publicHostEnv(host: string): EnvRecord {
	return { VERCEL_URL: host };
}

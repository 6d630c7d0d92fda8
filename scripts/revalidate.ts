/**
 * `npm run revalidate -- [--url <site>] <path>...`: regenerates ISR pages through the site's
 * `POST /api/revalidate` with `REVALIDATE_SECRET`, and prints one line per path and host.
 * Exit status: 0 when every page was regenerated, 1 when any was not, 2 for a usage error.
 */
import { MAX_PATHS } from '../src/revalidate/paths.ts';
import { formatResult, type RevalidationResult } from '../src/revalidate/results.ts';
import { readProjectEnv } from '@astro-isr/vercel-runtime';
import { PROTECTION_BYPASS_HEADER } from '@astro-isr/vercel-runtime/wire';
import { chunk, parseRevalidateArgs, USAGE, UsageError } from './revalidate-args.ts';

const REQUEST_TIMEOUT_MS = 60_000;

/** `env`: the shell's variables over the project's `.env` files (readProjectEnv). */
async function revalidate(
	siteUrl: string,
	paths: readonly string[],
	env: Readonly<Record<string, string | undefined>>,
) {
	const secret = env.REVALIDATE_SECRET;
	const bypass = env.VERCEL_AUTOMATION_BYPASS_SECRET;
	const endpoint = new URL('/api/revalidate', siteUrl);
	let failed = false;
	for (const group of chunk(paths, MAX_PATHS)) {
		let response: Response;
		try {
			response = await fetch(endpoint, {
				method: 'POST',
				headers: {
					authorization: `Bearer ${secret}`,
					'content-type': 'application/json',
					...(bypass ? { [PROTECTION_BYPASS_HEADER]: bypass } : {}),
				},
				body: JSON.stringify({ paths: group }),
				signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
			});
		} catch {
			console.error(`Could not reach ${endpoint.origin}. Is the site running (npm start)?`);
			return false;
		}
		const body = (await response.json().catch(() => ({}))) as {
			revalidated?: boolean;
			results?: RevalidationResult[];
			message?: string;
		};
		if (!body.results) {
			console.error(
				`${endpoint.href} answered ${response.status}: ${body.message ?? response.statusText}`,
			);
			return false;
		}
		for (const result of body.results) console.info(formatResult(result));
		if (body.revalidated !== true) failed = true;
	}
	return !failed;
}

async function main(): Promise<number> {
	let args;
	try {
		args = parseRevalidateArgs(process.argv.slice(2));
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		console.error(`${error.message}\n\n${USAGE}`);
		return 2;
	}
	if (args.help) {
		console.info(USAGE);
		return 0;
	}
	const env = await readProjectEnv(process.cwd());
	if (!env.REVALIDATE_SECRET) {
		console.error(
			'REVALIDATE_SECRET is not set. Put the same value the site uses in the environment or in .env, then run this again.',
		);
		return 1;
	}
	return (await revalidate(args.siteUrl, args.paths, env)) ? 0 : 1;
}

process.exitCode = await main();

/** Command-line parsing for `npm run revalidate`, kept pure so it can be unit-tested. */
import { parseArgs } from 'node:util';

export const DEFAULT_SITE_URL = 'http://localhost:4321';

export const USAGE = `Usage: npm run revalidate -- [--url <site>] <path>...

Regenerates ISR pages now through the site's POST /api/revalidate, using REVALIDATE_SECRET
from the environment or .env.

  --url, -u <site>  The site to revalidate (default: ${DEFAULT_SITE_URL}, the local runtime)
  --help, -h        Show this help

Example: npm run revalidate -- --url https://example.com /isr /data.json`;

export interface RevalidateArgs {
	/** The site's origin, e.g. `https://example.com`. */
	readonly siteUrl: string;
	readonly paths: readonly string[];
	readonly help: boolean;
}

/** Thrown for arguments the command cannot run with; the message says what to change. */
export class UsageError extends Error {
	override name = 'UsageError';
}

export function parseRevalidateArgs(argv: readonly string[]): RevalidateArgs {
	let parsed;
	try {
		parsed = parseArgs({
			args: [...argv],
			options: {
				url: { type: 'string', short: 'u' },
				help: { type: 'boolean', short: 'h' },
			},
			allowPositionals: true,
			strict: true,
		});
	} catch (error) {
		throw new UsageError(error instanceof Error ? error.message : String(error));
	}
	const help = parsed.values.help === true;
	const paths = parsed.positionals;
	if (!help && paths.length === 0) throw new UsageError('Name at least one path, e.g. /isr.');
	return { siteUrl: parseSiteUrl(parsed.values.url ?? DEFAULT_SITE_URL), paths, help };
}

function parseSiteUrl(raw: string): string {
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		throw new UsageError('--url must be an absolute URL such as https://example.com.');
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new UsageError('--url must start with http:// or https://.');
	}
	if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
		throw new UsageError('--url must be the site origin only, such as https://example.com.');
	}
	return url.origin;
}

/** `items` in consecutive groups of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
	const groups: T[][] = [];
	for (let start = 0; start < items.length; start += size)
		groups.push(items.slice(start, start + size));
	return groups;
}

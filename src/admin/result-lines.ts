/** The lines Save, Delete and Retry show: one per path and host, in the platform's words. */
import type { RevalidationResult } from '../revalidate/results.ts';

/** `REVALIDATED /blog/hello-world on example.com`, or `FAILED /blog/x on example.com (reason)`. */
export function resultLine(result: RevalidationResult): string {
	const where = result.host === '' ? result.path : `${result.path} on ${result.host}`;
	return result.status === 'REVALIDATED'
		? `REVALIDATED ${where}`
		: `FAILED ${where} (${result.reason})`;
}

/** The paths to offer for a retry: each path that failed on at least one host, once. */
export function failedPaths(results: readonly RevalidationResult[]): string[] {
	return [...new Set(results.filter((result) => result.status === 'FAILED').map((r) => r.path))];
}

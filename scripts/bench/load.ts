import autocannon from 'autocannon';

export interface LoadResult {
	readonly requestsPerSecond: number;
	readonly p99Ms: number;
	readonly errors: number;
	readonly non2xx: number;
}

/** Drives `url` with autocannon for `seconds` from this process. */
export async function load(
	url: string,
	{
		seconds,
		connections,
		headers,
	}: { seconds: number; connections: number; headers?: Record<string, string> },
): Promise<LoadResult> {
	const result = await autocannon({ url, duration: seconds, connections, headers });
	return {
		requestsPerSecond: result.requests.average,
		p99Ms: result.latency.p99,
		errors: result.errors + result.timeouts,
		non2xx: result.non2xx,
	};
}

/** Requests `paths` with at most `concurrency` in flight; resolves when all have answered. */
export async function crawl(
	base: string,
	paths: readonly string[],
	concurrency: number,
): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < paths.length) {
			const path = paths[next++]!;
			const response = await fetch(new URL(path, base));
			await response.arrayBuffer();
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
}

/** The run with the median requests/s. */
export function median(runs: readonly LoadResult[]): LoadResult {
	const sorted = [...runs].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
	return sorted[Math.floor(sorted.length / 2)]!;
}

import { get as httpGet } from 'node:http';
import autocannon from 'autocannon';

export interface LoadResult {
	readonly requestsPerSecond: number;
	readonly p99Ms: number;
	readonly errors: number;
	readonly non2xx: number;
	readonly completed: number;
}

/** Drives `url` with autocannon from this process, for `seconds` or for `amount` requests. */
export async function load(
	url: string,
	{
		seconds,
		amount,
		connections,
		headers,
	}: { seconds?: number; amount?: number; connections: number; headers?: Record<string, string> },
): Promise<LoadResult> {
	const limit = amount === undefined ? { duration: seconds } : { amount };
	const result = await autocannon({ url, connections, headers, ...limit });
	return {
		requestsPerSecond: result.requests.average,
		p99Ms: result.latency.p99,
		errors: result.errors + result.timeouts,
		non2xx: result.non2xx,
		completed: result.requests.total,
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
export function median<T extends LoadResult>(runs: readonly T[]): T {
	const sorted = [...runs].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
	return sorted[Math.floor(sorted.length / 2)]!;
}

export function medianOf(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)]!;
}

export interface RecordedAnswer {
	readonly status: number;
	/** As sent, flat (name, value, …), without the connection's own headers. */
	readonly headers: string[];
	readonly body: Buffer;
}

const CONNECTION_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding']);

/** One GET over `node:http` (no `Accept-Encoding`), kept byte for byte. */
export function recordAnswer(url: string): Promise<RecordedAnswer> {
	return new Promise((resolve, reject) => {
		httpGet(url, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () => {
				const headers: string[] = [];
				for (let index = 0; index < res.rawHeaders.length; index += 2) {
					const name = res.rawHeaders[index]!;
					if (!CONNECTION_HEADERS.has(name.toLowerCase())) {
						headers.push(name, res.rawHeaders[index + 1]!);
					}
				}
				resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
			});
		}).on('error', reject);
	});
}

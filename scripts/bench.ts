/**
 * `npm run bench`: measures the local runtime on loopback, each figure beside a reference taken in
 * the same run. Prints a Markdown table.
 *
 * - ISR HIT of /isr vs the same bytes served as a static file (goal: ≥ 0.9 of static requests/s);
 * - HIT vs an uncached render of the same page (draft-mode BYPASS): what ISR buys;
 * - request collapsing: renders caused by 100 concurrent requests to a cold key (goal: 1);
 * - memory: resident size after 10,000 distinct entries, and after far exceeding a small bound.
 */
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { type ChildStats, startRuntimeChild } from './bench/child.ts';
import { crawl, load, type LoadResult, median } from './bench/load.ts';
import { formatTable, mib, type Row } from './bench/table.ts';
import { ensureBuild, OUTPUT_DIR, PROJECT_ROOT } from './lib/ensure-build.ts';
import { CACHE_STATUS, VERCEL_CACHE_HEADER } from '../src/platform/vercel.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = 3;
const CONNECTIONS = 32;
const FILL_ENTRIES = 10_000;
const SMALL_BOUND = 8 * 1024 * 1024;
const OVERFILL_ENTRIES = 15_000;
const STATIC_COPY = '/bench/isr.html';
/** Allowance for memory that is not cache entries (render garbage between collections, buffers in flight). */
const OVERHEAD = 16 * 1024 * 1024;

await ensureBuild();
const benchOutput = `${PROJECT_ROOT}node_modules/.cache/astro-vercel-isr/bench-output`;
await rm(benchOutput, { recursive: true, force: true });
await mkdir(benchOutput, { recursive: true });
await cp(OUTPUT_DIR, benchOutput, { recursive: true, verbatimSymlinks: true });
const { bypassToken } = JSON.parse(
	await readFile(`${benchOutput}/functions/_isr.prerender-config.json`, 'utf8'),
) as { bypassToken: string };

// The static reference: the exact bytes the ISR cache serves for /isr.
{
	const probe = await startRuntimeChild(benchOutput);
	const body = await (await fetch(`${probe.url}/isr`)).arrayBuffer();
	await probe.stop();
	await mkdir(`${benchOutput}/static/bench`, { recursive: true });
	await writeFile(`${benchOutput}/static${STATIC_COPY}`, new Uint8Array(body));
}

const rows: Row[] = [];
const runtime = await startRuntimeChild(benchOutput);
try {
	console.info(
		`Load: autocannon, ${CONNECTIONS} connections, ${SECONDS} s each, on ${runtime.url}`,
	);
	await fetch(`${runtime.url}/isr`).then((response) => response.arrayBuffer());
	// Alternate the two so neither gains from running later (JIT, CPU frequency); keep the median.
	const hits: LoadResult[] = [];
	const statics: LoadResult[] = [];
	await load(`${runtime.url}/isr`, { seconds: 1, connections: CONNECTIONS });
	await load(`${runtime.url}${STATIC_COPY}`, { seconds: 1, connections: CONNECTIONS });
	for (let round = 0; round < ROUNDS; round++) {
		statics.push(
			await load(`${runtime.url}${STATIC_COPY}`, { seconds: SECONDS, connections: CONNECTIONS }),
		);
		hits.push(await load(`${runtime.url}/isr`, { seconds: SECONDS, connections: CONNECTIONS }));
	}
	console.info(
		`  static req/s per round: ${statics.map((run) => run.requestsPerSecond.toFixed(0)).join(', ')}; HIT: ${hits.map((run) => run.requestsPerSecond.toFixed(0)).join(', ')}`,
	);
	const hit = median(hits);
	const staticFile = median(statics);
	const render = await load(`${runtime.url}/isr`, {
		seconds: SECONDS,
		connections: CONNECTIONS,
		headers: { cookie: `__prerender_bypass=${bypassToken}` },
	});
	rows.push(
		{
			measure: 'ISR HIT /isr vs static file, same bytes (req/s)',
			value: hit.requestsPerSecond.toFixed(0),
			reference: staticFile.requestsPerSecond.toFixed(0),
			comparison: `ratio ${(hit.requestsPerSecond / staticFile.requestsPerSecond).toFixed(2)} (goal ≥ 0.90)`,
		},
		{
			measure: 'ISR HIT /isr vs static file (p99 latency)',
			value: `${hit.p99Ms} ms`,
			reference: `${staticFile.p99Ms} ms`,
			comparison: `${(hit.p99Ms - staticFile.p99Ms).toFixed(0)} ms difference`,
		},
		{
			measure: 'ISR HIT /isr vs uncached render (BYPASS) (req/s)',
			value: hit.requestsPerSecond.toFixed(0),
			reference: render.requestsPerSecond.toFixed(0),
			comparison: `speed-up ×${(hit.requestsPerSecond / render.requestsPerSecond).toFixed(1)}; p99 ${hit.p99Ms} vs ${render.p99Ms} ms`,
		},
	);
	const failures = [hit, staticFile, render].reduce((sum, run) => sum + run.errors + run.non2xx, 0);
	if (failures > 0)
		console.warn(`warning: ${failures} errors or non-2xx answers during the load runs`);

	// Open 100 keep-alive connections first, so the 100 requests below really arrive together.
	await Promise.all(
		Array.from({ length: 100 }, () =>
			fetch(`${runtime.url}/favicon.svg`).then((r) => r.arrayBuffer()),
		),
	);
	const cold = await Promise.all(
		Array.from({ length: 100 }, async () => {
			const response = await fetch(`${runtime.url}/blog/hello-world`);
			await response.arrayBuffer();
			return response.headers.get(VERCEL_CACHE_HEADER);
		}),
	);
	const renders = (await runtime.stats()).invocations['/blog/hello-world'] ?? 0;
	const misses = cold.filter((cache) => cache === CACHE_STATUS.MISS).length;
	rows.push({
		measure: 'Request collapsing: renders for 100 concurrent requests to a cold page',
		value: String(renders),
		reference: 'goal 1',
		comparison: `${misses} answered MISS (waited for the render), ${100 - misses} HIT`,
	});
} finally {
	await runtime.stop();
}

const distinct = (count: number, offset: number) =>
	Array.from({ length: count }, (_, index) => `/blog/bench-${offset + index}`);
const jsMemory = (stats: ChildStats) => stats.heapUsed + stats.arrayBuffers;

const large = await startRuntimeChild(benchOutput);
try {
	await crawl(large.url, ['/', '/isr', '/data.json'], 1);
	const baseline = await large.stats();
	await crawl(large.url, distinct(FILL_ENTRIES, 0), 8);
	const filled = await large.stats();
	rows.push({
		measure: `Memory after ${FILL_ENTRIES.toLocaleString('en')} distinct entries (${mib(filled.cache.maxBytes)} bound)`,
		value: `RSS ${mib(filled.rss)}; JS heap + buffers ${mib(jsMemory(filled))}`,
		reference: `before: RSS ${mib(baseline.rss)}; JS ${mib(jsMemory(baseline))}`,
		comparison: `${filled.cache.entries.toLocaleString('en')} entries, ${mib(filled.cache.bytes)} cached`,
	});
} finally {
	await large.stop();
}

const small = await startRuntimeChild(benchOutput, SMALL_BOUND);
try {
	await crawl(small.url, ['/', '/isr', '/data.json'], 1);
	const baseline = await small.stats();
	await crawl(small.url, distinct(OVERFILL_ENTRIES / 3, FILL_ENTRIES), 8);
	const third = await small.stats();
	await crawl(
		small.url,
		distinct((OVERFILL_ENTRIES * 2) / 3, FILL_ENTRIES + OVERFILL_ENTRIES / 3),
		8,
	);
	const over = await small.stats();
	const limit = jsMemory(baseline) + SMALL_BOUND + OVERHEAD;
	rows.push({
		measure: `Memory after ${OVERFILL_ENTRIES.toLocaleString('en')} distinct entries into a ${mib(SMALL_BOUND)} bound`,
		value: `RSS ${mib(over.rss)}; JS heap + buffers ${mib(jsMemory(over))}`,
		reference: `after ${(OVERFILL_ENTRIES / 3).toLocaleString('en')}: RSS ${mib(third.rss)}; JS ${mib(jsMemory(third))}`,
		comparison: `${over.cache.entries.toLocaleString('en')} entries kept, ${mib(over.cache.bytes)} cached; JS ${jsMemory(over) <= limit ? '≤' : '>'} before (${mib(jsMemory(baseline))}) + bound + ${mib(OVERHEAD)}`,
	});
} finally {
	await small.stop();
}

console.info(`\n${formatTable(rows)}`);

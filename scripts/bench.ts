/**
 * `npm run bench`: measures the local runtime on loopback, each figure beside a reference taken in
 * the same run. Prints a Markdown table. Ratios are the median of per-round ratios: the runs of one
 * round are adjacent in time, so load swings between rounds cancel out.
 *
 * - ISR HIT of /isr vs a bare `node:http` server sending the same bytes from memory (goal: ≥ 0.5 of
 *   its requests/s), and vs the same bytes served as a static file (goal: ≥ 0.9);
 * - a compressed HIT (`Accept-Encoding: br, gzip`) vs the plain HIT (goal: ≥ 0.9);
 * - HIT vs an uncached render of the same page (draft-mode BYPASS): what ISR buys;
 * - request collapsing: renders caused by 100 concurrent requests to a cold key (goal: 1);
 * - memory: resident size after 10,000 distinct entries, and after far exceeding a small bound;
 * - the editor: save → every affected page serves the new content (goal: well under a second);
 * - `npm start`: saved page edit → first response showing it (goal: within 10 s), and resident
 *   size over BENCH_REBUILDS rebuilds (default 20; goal: flat).
 */
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { type ChildStats, startBareChild, startRuntimeChild } from './bench/child.ts';
import { crawl, load, type LoadResult, median, medianOf, recordAnswer } from './bench/load.ts';
import { measureEditToServed } from './bench/edit-to-served.ts';
import { measureSaveToFresh } from './bench/save-to-fresh.ts';
import { formatTable, mib, type Row } from './bench/table.ts';
import { ensureBuild, OUTPUT_DIR, PROJECT_ROOT } from './lib/ensure-build.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = 5;
const CONNECTIONS = 32;
const FILL_ENTRIES = 10_000;
interface Measured extends LoadResult {
	readonly cpuMicrosPerRequest: number;
}

const SMALL_BOUND = 8 * 1024 * 1024;
const OVERFILL_ENTRIES = 15_000;
const STATIC_COPY = '/bench/isr.html';
/** Growth allowed once the bound is full (render garbage between collections, buffers in flight). */
const OVERHEAD = 16 * 1024 * 1024;

await ensureBuild();
const benchOutput = `${PROJECT_ROOT}node_modules/.cache/astro-vercel-isr/bench-output`;
await rm(benchOutput, { recursive: true, force: true });
await mkdir(benchOutput, { recursive: true });
await cp(OUTPUT_DIR, benchOutput, { recursive: true, verbatimSymlinks: true });
const { bypassToken } = JSON.parse(
	await readFile(`${benchOutput}/functions/_isr.prerender-config.json`, 'utf8'),
) as { bypassToken: string };

// The references: the exact bytes (and, for the bare server, headers) of the ISR HIT of /isr.
const answerFile = `${benchOutput}/bench-hit-answer.json`;
{
	const probe = await startRuntimeChild(benchOutput);
	await recordAnswer(`${probe.url}/isr`);
	const hit = await recordAnswer(`${probe.url}/isr`);
	await probe.stop();
	await mkdir(`${benchOutput}/static/bench`, { recursive: true });
	await writeFile(`${benchOutput}/static${STATIC_COPY}`, hit.body);
	const recorded = { status: hit.status, headers: hit.headers, body: hit.body.toString('base64') };
	await writeFile(answerFile, JSON.stringify(recorded));
}
const COMPRESSED = { 'accept-encoding': 'br, gzip' };

const rows: Row[] = [];
const runtime = await startRuntimeChild(benchOutput);
try {
	console.info(
		`Load: autocannon, ${CONNECTIONS} connections, ${SECONDS} s each, on ${runtime.url}`,
	);
	await fetch(`${runtime.url}/isr`).then((response) => response.arrayBuffer());
	// Alternate the runs so none gains from running later (JIT, CPU frequency); keep the median.
	// Beside requests/s (noisy on a shared 2-core machine), the runtime's own CPU time per request.
	const measure = async (path: string, headers?: Record<string, string>): Promise<Measured> => {
		const before = (await runtime.stats()).cpuMicros;
		const result = await load(`${runtime.url}${path}`, {
			seconds: SECONDS,
			connections: CONNECTIONS,
			headers,
		});
		const cpu = (await runtime.stats()).cpuMicros - before;
		return { ...result, cpuMicrosPerRequest: cpu / Math.max(1, result.completed) };
	};
	const bareServer = await startBareChild(answerFile);
	const bares: LoadResult[] = [];
	const hits: Measured[] = [];
	const compressedHits: Measured[] = [];
	const statics: Measured[] = [];
	try {
		await load(bareServer.url, { seconds: 1, connections: CONNECTIONS });
		await load(`${runtime.url}/isr`, { seconds: 1, connections: CONNECTIONS });
		await load(`${runtime.url}/isr`, { seconds: 1, connections: CONNECTIONS, headers: COMPRESSED });
		await load(`${runtime.url}${STATIC_COPY}`, { seconds: 1, connections: CONNECTIONS });
		for (let round = 0; round < ROUNDS; round++) {
			bares.push(await load(bareServer.url, { seconds: SECONDS, connections: CONNECTIONS }));
			hits.push(await measure('/isr'));
			compressedHits.push(await measure('/isr', COMPRESSED));
			statics.push(await measure(STATIC_COPY));
		}
	} finally {
		await bareServer.stop();
	}
	const perRound = (runs: readonly LoadResult[]) =>
		runs.map((run) => run.requestsPerSecond.toFixed(0)).join(', ');
	console.info(
		`  req/s per round: bare ${perRound(bares)}; HIT ${perRound(hits)}; compressed HIT ${perRound(compressedHits)}; static ${perRound(statics)}`,
	);
	const bare = median(bares);
	const hit = median(hits);
	const compressedHit = median(compressedHits);
	const staticFile = median(statics);
	const hitCpu = medianOf(hits.map((run) => run.cpuMicrosPerRequest));
	const compressedCpu = medianOf(compressedHits.map((run) => run.cpuMicrosPerRequest));
	const staticCpu = medianOf(statics.map((run) => run.cpuMicrosPerRequest));
	const render = await load(`${runtime.url}/isr`, {
		seconds: SECONDS,
		connections: CONNECTIONS,
		headers: { cookie: `__prerender_bypass=${bypassToken}` },
	});
	// Each round's runs sit next to each other in time, so their ratio is free of the load swings
	// between rounds on a shared machine; the median of the per-round ratios is reported.
	const ratio = (runs: readonly LoadResult[], references: readonly LoadResult[]) =>
		medianOf(
			runs.map((run, round) => run.requestsPerSecond / references[round]!.requestsPerSecond),
		).toFixed(2);
	rows.push(
		{
			measure: 'ISR HIT /isr vs bare node:http server, same bytes from memory (req/s)',
			value: hit.requestsPerSecond.toFixed(0),
			reference: bare.requestsPerSecond.toFixed(0),
			comparison: `per-round ratio ${ratio(hits, bares)} (goal ≥ 0.50)`,
		},
		{
			measure: 'ISR HIT /isr vs bare node:http server (p99 latency)',
			value: `${hit.p99Ms} ms`,
			reference: `${bare.p99Ms} ms`,
			comparison: `${(hit.p99Ms - bare.p99Ms).toFixed(0)} ms difference`,
		},
		{
			measure: 'Compressed ISR HIT /isr (br) vs plain HIT (req/s)',
			value: compressedHit.requestsPerSecond.toFixed(0),
			reference: hit.requestsPerSecond.toFixed(0),
			comparison: `per-round ratio ${ratio(compressedHits, hits)} (goal ≥ 0.90); CPU ${compressedCpu.toFixed(0)} vs ${hitCpu.toFixed(0)} µs; p99 ${compressedHit.p99Ms} vs ${hit.p99Ms} ms`,
		},
		{
			measure: 'ISR HIT /isr vs static file, same bytes (req/s)',
			value: hit.requestsPerSecond.toFixed(0),
			reference: staticFile.requestsPerSecond.toFixed(0),
			comparison: `per-round ratio ${ratio(hits, statics)} (goal ≥ 0.90)`,
		},
		{
			measure: 'ISR HIT /isr vs static file (runtime CPU per request)',
			value: `${hitCpu.toFixed(0)} µs`,
			reference: `${staticCpu.toFixed(0)} µs`,
			comparison: `static/HIT ${(staticCpu / hitCpu).toFixed(2)}: the same cost ratio, free of load noise`,
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
	const failures = [bare, hit, compressedHit, staticFile, render].reduce(
		(sum, run) => sum + run.errors + run.non2xx,
		0,
	);
	if (failures > 0)
		console.warn(`warning: ${failures} errors or non-2xx answers during the load runs`);

	// 100 connections, one request each, all sent at once by the load generator.
	const cold = await load(`${runtime.url}/blog/hello-world`, { connections: 100, amount: 100 });
	const renders = (await runtime.stats()).invocations['/blog/hello-world'] ?? 0;
	rows.push({
		measure: 'Request collapsing: renders for 100 concurrent requests to a cold page',
		value: String(renders),
		reference: 'goal 1',
		comparison: `${cold.completed} requests answered, ${cold.errors + cold.non2xx} errors`,
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
	const growth = jsMemory(over) - jsMemory(third);
	rows.push({
		measure: `Memory after ${OVERFILL_ENTRIES.toLocaleString('en')} distinct entries into a ${mib(SMALL_BOUND)} bound`,
		value: `RSS ${mib(over.rss)}; JS heap + buffers ${mib(jsMemory(over))}`,
		reference: `after ${(OVERFILL_ENTRIES / 3).toLocaleString('en')}: RSS ${mib(third.rss)}; JS ${mib(jsMemory(third))} (before: ${mib(jsMemory(baseline))})`,
		comparison: `${over.cache.entries.toLocaleString('en')} entries kept, ${mib(over.cache.bytes)} cached; JS grew ${mib(growth)} over the last ${((OVERFILL_ENTRIES * 2) / 3).toLocaleString('en')} entries (${growth <= OVERHEAD ? 'within' : 'OVER'} the ${mib(OVERHEAD)} allowance: the bound holds)`,
	});
} finally {
	await small.stop();
}

rows.push(await measureSaveToFresh(benchOutput));
rows.push(...(await measureEditToServed(PROJECT_ROOT, Number(process.env.BENCH_REBUILDS ?? 20))));

console.info(`\n${formatTable(rows)}`);

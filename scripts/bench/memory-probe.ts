/**
 * `node scripts/bench/memory-probe.ts [--arena-max N] [--snapshot DIR] [--heap-prof DIR]`: where
 * the runtime's resident memory goes after 10,000 distinct renders. Prints the process's memory by
 * kind before and after, against the goal RSS ≤ before + 2 × cached + 64 MiB. `--arena-max` runs
 * the runtime with `MALLOC_ARENA_MAX`; `--snapshot` writes heap snapshots before and after and
 * lists the live heap by kind;
 * `--heap-prof` samples allocations (`--heap-prof`, written when the runtime exits); `--settle-ms`
 * waits before the last figures; `--node-option` passes a flag to the runtime's Node; `--sample`
 * lists the allocation sites during the renders (inspector sampling, collected objects included).
 * Expects the bench output folder `npm run bench` prepares.
 */
import { parseArgs } from 'node:util';
import { type ChildStats, startRuntimeChild } from './child.ts';
import { heapSummary } from './heap-summary.ts';
import { crawl } from './load.ts';
import { mib } from './table.ts';
import { PROJECT_ROOT } from '../lib/ensure-build.ts';

const { values } = parseArgs({
	options: {
		'arena-max': { type: 'string' },
		snapshot: { type: 'string' },
		'heap-prof': { type: 'string' },
		entries: { type: 'string', default: '10000' },
		'settle-ms': { type: 'string', default: '0' },
		'node-option': { type: 'string', multiple: true, default: [] },
		sample: { type: 'boolean', default: false },
	},
});
const ENTRIES = Number(values.entries);
const outputDir = `${PROJECT_ROOT}node_modules/.cache/astro-vercel-isr/bench-output`;
const env = { ...process.env };
if (values['arena-max'] !== undefined) env.MALLOC_ARENA_MAX = values['arena-max'];
const execArgv = [
	...values['node-option'],
	...(values['heap-prof'] === undefined
		? []
		: ['--heap-prof', `--heap-prof-dir=${values['heap-prof']}`]),
];
const child = await startRuntimeChild(outputDir, undefined, { env, execArgv });

const line = (label: string, stats: ChildStats) =>
	console.info(
		`${label}: rss ${mib(stats.rss)}, heapTotal ${mib(stats.heapTotal)}, heapUsed ${mib(stats.heapUsed)}, external ${mib(stats.external)}, arrayBuffers ${mib(stats.arrayBuffers)}, cached ${mib(stats.cache.bytes)} in ${stats.cache.entries} entries`,
	);
try {
	await crawl(child.url, ['/', '/isr', '/data.json'], 1);
	const before = await child.stats();
	line('before', before);
	if (values.snapshot)
		console.info(await child.heapSnapshot(`${values.snapshot}/before.heapsnapshot`));
	const paths = Array.from({ length: ENTRIES }, (_, index) => `/blog/probe-${index}`);
	if (values.sample) await child.startSampling();
	await crawl(child.url, paths, 8);
	if (values.sample) {
		console.info('allocation sites by sampled bytes during the renders:');
		for (const [site, bytes] of await child.stopSampling())
			console.info(`  ${mib(bytes)}  ${site}`);
	}
	await new Promise((done) => setTimeout(done, Number(values['settle-ms'])));
	const after = await child.stats();
	line('after', after);
	const spaces = after.heapSpaces.filter((space) => space.size > 1024 * 1024);
	console.info(
		`  heap spaces: ${spaces.map((s) => `${s.name} ${mib(s.size)} (used ${mib(s.used)})`).join(', ')}`,
	);
	if (values.snapshot) {
		const written = await child.heapSnapshot(`${values.snapshot}/after.heapsnapshot`);
		console.info(`live heap by kind (${written}):`);
		for (const [label, bytes, count] of await heapSummary(written)) {
			console.info(`  ${mib(bytes)}  ${label} ×${count}`);
		}
	}
	await child.reduceMemory();
	const reduced = await child.stats();
	line('after a last-resort collection', reduced);
	const goal = before.rss + 2 * after.cache.bytes + 64 * 1024 * 1024;
	const verdict = (stats: ChildStats) => (stats.rss <= goal ? 'met' : 'missed');
	console.info(
		`goal rss ≤ ${mib(goal)}: ${verdict(after)} after the renders, ${verdict(reduced)} after the last-resort collection; native (rss − heap total − external) ${mib(before.rss - before.heapTotal - before.external)} before, ${mib(after.rss - after.heapTotal - after.external)} after`,
	);
} finally {
	await child.stop();
}

/**
 * The runtime under measurement, in its own process so the load generator does not share its
 * event loop. Started with `fork`; answers `{ type: 'stats' }` messages with its memory, its
 * cache and how many times each function was invoked, and `{ type: 'heap-snapshot', path }` by
 * writing a heap snapshot there.
 */
import { Session } from 'node:inspector/promises';
import { getHeapSpaceStatistics, writeHeapSnapshot } from 'node:v8';
import { createRuntime, startServer } from '@astro-isr/vercel-runtime';

const [outputDir, maxCacheBytes] = process.argv.slice(2);
const invocations: Record<string, number> = {};
const runtime = await createRuntime({
	outputDir: outputDir!,
	maxCacheBytes: maxCacheBytes ? Number(maxCacheBytes) : undefined,
	onInvoke: ({ url }) => {
		const { pathname, searchParams } = new URL(url);
		const key = searchParams.get('x_astro_path') ?? pathname;
		invocations[key] = (invocations[key] ?? 0) + 1;
	},
});
const server = await startServer({
	handle: runtime.handle,
	answer: runtime.answer,
	port: 0,
	host: '127.0.0.1',
});
runtime.setPublicHost(server.host);

type CollectOptions = { type: 'major'; execution: 'sync'; flavor: 'last-resort' };

process.on('message', (message: { type: string; path?: string }) => {
	if (message.type === 'reduce-memory') {
		// The collection V8 makes before giving up: it also hands free heap pages back to the system.
		(globalThis.gc as ((options: CollectOptions) => void) | undefined)?.({
			type: 'major',
			execution: 'sync',
			flavor: 'last-resort',
		});
		process.send?.({ type: 'reduce-memory' });
		return;
	}
	if (message.type === 'sampling-start') {
		void startSampling().then(() => process.send?.({ type: 'sampling-start' }));
		return;
	}
	if (message.type === 'sampling-stop') {
		void stopSampling().then((top) => process.send?.({ type: 'sampling-stop', top }));
		return;
	}
	if (message.type === 'heap-snapshot') {
		globalThis.gc?.();
		process.send?.({ type: 'heap-snapshot', path: writeHeapSnapshot(message.path) });
		return;
	}
	if (message.type !== 'stats') return;
	const cpu = process.cpuUsage();
	// A full collection first, so the figures reflect what is still referenced.
	globalThis.gc?.();
	const memory = process.memoryUsage();
	process.send?.({
		type: 'stats',
		rss: memory.rss,
		heapTotal: memory.heapTotal,
		heapUsed: memory.heapUsed,
		external: memory.external,
		arrayBuffers: memory.arrayBuffers,
		heapSpaces: getHeapSpaceStatistics().map((space) => ({
			name: space.space_name,
			size: space.space_size,
			used: space.space_used_size,
		})),
		cache: runtime.caches.stats(),
		invocations,
		cpuMicros: cpu.user + cpu.system,
	});
});
// Allocation sampling through the inspector, counting objects collected since too: where the
// allocations come from, not only what survives.
const session = new Session();
async function startSampling() {
	session.connect();
	await session.post('HeapProfiler.startSampling', {
		samplingInterval: 32 * 1024,
		includeObjectsCollectedByMajorGC: true,
		includeObjectsCollectedByMinorGC: true,
	});
}

interface ProfileNode {
	callFrame: { functionName: string; url: string; lineNumber: number };
	selfSize: number;
	children: ProfileNode[];
}

/** The allocation sites with the most sampled bytes: `function (file:line)` → bytes. */
async function stopSampling(): Promise<[string, number][]> {
	const { profile } = (await session.post('HeapProfiler.stopSampling')) as {
		profile: { head: ProfileNode };
	};
	session.disconnect();
	const bySite = new Map<string, number>();
	const visit = (node: ProfileNode) => {
		const { functionName, url, lineNumber } = node.callFrame;
		const file = url.replace(/^.*\/node_modules\//, '').replace(/^.*\/(runtime|\.cache)\//, '$1/');
		const site = `${functionName || '(anonymous)'} (${file}:${lineNumber + 1})`;
		bySite.set(site, (bySite.get(site) ?? 0) + node.selfSize);
		node.children.forEach(visit);
	};
	visit(profile.head);
	return [...bySite].sort((a, b) => b[1] - a[1]).slice(0, 15);
}

process.on('disconnect', () => {
	void server.close().then(() => process.exit(0));
});
process.send?.({ type: 'ready', url: server.url });

/**
 * The runtime under measurement, in its own process so the load generator does not share its
 * event loop. Started with `fork`; answers `{ type: 'stats' }` messages with its memory, its
 * cache and how many times each function was invoked.
 */
import { createRuntime } from '../../runtime/handler.ts';
import { startServer } from '../../runtime/server.ts';

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

process.on('message', (message: { type: string }) => {
	if (message.type !== 'stats') return;
	const cpu = process.cpuUsage();
	// A full collection first, so the figures reflect what is still referenced.
	globalThis.gc?.();
	const memory = process.memoryUsage();
	process.send?.({
		type: 'stats',
		rss: memory.rss,
		heapUsed: memory.heapUsed,
		arrayBuffers: memory.arrayBuffers,
		cache: runtime.caches.stats(),
		invocations,
		cpuMicros: cpu.user + cpu.system,
	});
});
process.on('disconnect', () => {
	void server.close().then(() => process.exit(0));
});
process.send?.({ type: 'ready', url: server.url });

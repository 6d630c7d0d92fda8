import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface ChildStats {
	readonly rss: number;
	readonly heapTotal: number;
	readonly heapUsed: number;
	readonly external: number;
	readonly arrayBuffers: number;
	/** V8's heap by space: reserved and used bytes. */
	readonly heapSpaces: readonly { name: string; size: number; used: number }[];
	readonly cache: { entries: number; bytes: number; maxBytes: number };
	/** Function invocations so far, by rendered path (`x_astro_path`) or function path. */
	readonly invocations: Readonly<Record<string, number>>;
	/** CPU time the runtime process has used so far (user + system), in µs. */
	readonly cpuMicros: number;
}

export interface RuntimeChild {
	readonly url: string;
	stats(): Promise<ChildStats>;
	/** Writes a heap snapshot (after a full collection) to `path`; resolves with its path. */
	heapSnapshot(path: string): Promise<string>;
	/** Starts allocation sampling; `stopSampling` returns the top allocation sites by bytes. */
	startSampling(): Promise<void>;
	/** A last-resort collection, which also returns V8's free pages to the system. */
	reduceMemory(): Promise<void>;
	stopSampling(): Promise<[string, number][]>;
	stop(): Promise<void>;
}

const CHILD = fileURLToPath(new URL('./runtime-child.ts', import.meta.url));
const BARE_CHILD = fileURLToPath(new URL('./bare-child.ts', import.meta.url));

export interface BareChild {
	readonly url: string;
	stop(): Promise<void>;
}

/** Starts the bare `node:http` reference serving the answer recorded in `answerFile`. */
export function startBareChild(answerFile: string): Promise<BareChild> {
	const child = fork(BARE_CHILD, [answerFile], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
	return new Promise((resolve, reject) => {
		child.once('message', ({ url }: { url: string }) =>
			resolve({
				url,
				stop: () =>
					new Promise<void>((done) => {
						child.once('exit', () => done());
						child.disconnect();
					}),
			}),
		);
		child.once('exit', (code) => reject(new Error(`bare server exited with ${code}`)));
	});
}

/** Starts the runtime over `outputDir` in a child process and waits until it listens. */
export function startRuntimeChild(
	outputDir: string,
	maxCacheBytes?: number,
	options: { readonly env?: NodeJS.ProcessEnv; readonly execArgv?: readonly string[] } = {},
): Promise<RuntimeChild> {
	const child: ChildProcess = fork(CHILD, [outputDir, String(maxCacheBytes ?? '')], {
		execArgv: ['--expose-gc', ...(options.execArgv ?? [])],
		env: options.env ?? process.env,
		stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
	});
	const next = <T>(type: string) =>
		new Promise<T>((resolve, reject) => {
			const onMessage = (message: { type: string } & T) => {
				if (message.type !== type) return;
				child.off('message', onMessage);
				resolve(message);
			};
			child.on('message', onMessage);
			child.once('exit', (code) => reject(new Error(`runtime child exited with ${code}`)));
		});
	return next<{ url: string }>('ready').then(({ url }) => ({
		url,
		stats() {
			const reply = next<ChildStats>('stats');
			child.send({ type: 'stats' });
			return reply;
		},
		reduceMemory() {
			const reply = next<object>('reduce-memory');
			child.send({ type: 'reduce-memory' });
			return reply.then(() => undefined);
		},
		startSampling() {
			const reply = next<object>('sampling-start');
			child.send({ type: 'sampling-start' });
			return reply.then(() => undefined);
		},
		stopSampling() {
			const reply = next<{ top: [string, number][] }>('sampling-stop');
			child.send({ type: 'sampling-stop' });
			return reply.then(({ top }) => top);
		},
		heapSnapshot(path) {
			const reply = next<{ path: string }>('heap-snapshot');
			child.send({ type: 'heap-snapshot', path });
			return reply.then((written) => written.path);
		},
		stop() {
			return new Promise<void>((resolve) => {
				child.once('exit', () => resolve());
				child.disconnect();
			});
		},
	}));
}

import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface ChildStats {
	readonly rss: number;
	readonly heapUsed: number;
	readonly arrayBuffers: number;
	readonly cache: { entries: number; bytes: number; maxBytes: number };
	/** Function invocations so far, by rendered path (`x_astro_path`) or function path. */
	readonly invocations: Readonly<Record<string, number>>;
	/** CPU time the runtime process has used so far (user + system), in µs. */
	readonly cpuMicros: number;
}

export interface RuntimeChild {
	readonly url: string;
	stats(): Promise<ChildStats>;
	stop(): Promise<void>;
}

const CHILD = fileURLToPath(new URL('./runtime-child.ts', import.meta.url));

/** Starts the runtime over `outputDir` in a child process and waits until it listens. */
export function startRuntimeChild(
	outputDir: string,
	maxCacheBytes?: number,
): Promise<RuntimeChild> {
	const child: ChildProcess = fork(CHILD, [outputDir, String(maxCacheBytes ?? '')], {
		execArgv: ['--expose-gc'],
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
		stop() {
			return new Promise<void>((resolve) => {
				child.once('exit', () => resolve());
				child.disconnect();
			});
		},
	}));
}

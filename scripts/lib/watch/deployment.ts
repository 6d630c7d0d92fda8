/**
 * One deployment: the local runtime serving one build folder in a child process of its own, on
 * 127.0.0.1 and a free port. A fresh process is what makes it a new deployment, as on Vercel: an
 * empty ISR cache, and functions imported afresh (Node's module cache would hand back the old
 * module for the same path, and importing new paths forever would keep every old one).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const RUNTIME_CLI = fileURLToPath(
	import.meta.resolve('@astro-isr/vercel-runtime/package.json'),
).replace(/package\.json$/, 'cli.ts');

/** The runtime's banner starts with this line; the rest of the banner is indented. */
const READY = /^Vercel runtime ready at (http:\/\/\S+)/;

export interface Deployment {
	readonly url: string;
	readonly pid: number;
	/** The banner the runtime printed (its internal URL on the first line). */
	readonly banner: readonly string[];
	/** Stops it once its requests and background regenerations finish (SIGTERM, as Ctrl-C). */
	stop(): Promise<void>;
}

export interface DeploymentOptions {
	readonly projectRoot: string;
	readonly outputDir: string;
	/** Runtime flags passed through (e.g. `--max-cache-bytes`, `--quiet`). */
	readonly args: readonly string[];
	/** Each request line and message the child prints after its banner. */
	readonly print: (line: string) => void;
	readonly color: boolean;
}

export function startDeployment(options: DeploymentOptions): Promise<Deployment> {
	const child: ChildProcess = spawn(
		process.execPath,
		[
			RUNTIME_CLI,
			...options.args,
			'--port',
			'0',
			'--host',
			'127.0.0.1',
			'--dir',
			options.outputDir,
		],
		{
			// The runtime reads the project's `.env` files from its working folder.
			cwd: options.projectRoot,
			env: { ...process.env, ...(options.color ? { FORCE_COLOR: '1' } : { NO_COLOR: '1' }) },
			stdio: ['ignore', 'pipe', 'inherit'],
		},
	);
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	return new Promise((resolve, reject) => {
		let url: string | null = null;
		let bannerOpen = true;
		const banner: string[] = [];
		child.once('error', reject);
		void exited.then(() => {
			if (url === null) reject(new Error(`the runtime exited before serving ${options.outputDir}`));
		});
		createInterface({ input: child.stdout! }).on('line', (line) => {
			const ready = READY.exec(line);
			if (url === null && ready !== null) {
				url = ready[1]!;
				banner.push(line);
				// The banner is one write: its indented lines arrive in the same chunk.
				setImmediate(() => {
					bannerOpen = false;
					resolve({
						url: url!,
						pid: child.pid!,
						banner,
						stop: () => {
							child.kill('SIGTERM');
							return exited;
						},
					});
				});
			} else if (url !== null && bannerOpen) {
				banner.push(line);
			} else if (!/^(SIG\w+: .*)?$/.test(line)) {
				// A deployment's shutdown notice: `npm start` prints its own once, on Ctrl-C.
				options.print(line);
			}
		});
	});
}

/**
 * `npm start`'s server: the build in `.vercel/output` as the first deployment behind a public
 * proxy, then, on each saved change, a build in a copy of the project and a new deployment from
 * it. A failed build leaves the current deployment serving; the next change retries.
 */
import { mkdir, rm } from 'node:fs/promises';
import { relative } from 'node:path';
import { styleText } from 'node:util';
import { buildCopy, buildRoot, BuildFailed } from './copy-build.ts';
import { startDeployment, type Deployment } from './deployment.ts';
import { startProxy } from './proxy.ts';
import { watchSources } from './watch-sources.ts';

export interface FollowEditsOptions {
	readonly projectRoot: string;
	readonly outputDir: string;
	readonly port: number;
	readonly host: string;
	/** Runtime flags for each deployment (not `--quiet`: the banner names the child's port). */
	readonly runtimeArgs: readonly string[];
	/** No banner and no request lines; rebuild lines and errors still print. */
	readonly quiet: boolean;
	readonly watch: boolean;
}

export interface Running {
	readonly url: string;
	close(): Promise<void>;
}

function count(n: number, noun: string): string {
	return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** `Rebuilt in 3.4 s: new deployment, ISR cache cleared (2 files changed)` */
export function rebuiltLine(ms: number, changed: number): string {
	return `Rebuilt in ${(ms / 1000).toFixed(1)} s: new deployment, ISR cache cleared (${count(changed, 'file')} changed)`;
}

export async function followEdits(options: FollowEditsOptions): Promise<Running> {
	const color = process.stdout.isTTY === true;
	const paint = (style: Parameters<typeof styleText>[0], text: string) =>
		styleText(style, text, { stream: process.stdout });
	const print = (line: string) => process.stdout.write(`${line}\n`);
	const proxy = await startProxy(options.port, options.host);
	const deploy = (outputDir: string) =>
		startDeployment({
			projectRoot: options.projectRoot,
			outputDir,
			// `VERCEL_URL` is the proxy's: the revalidation endpoint trusts and calls that host.
			args: [...options.runtimeArgs, '--public-host', proxy.host],
			print: options.quiet ? () => undefined : print,
			color,
		});

	// Build folders of an earlier run are never served again.
	await rm(`${options.projectRoot}.cache/watch/`, { recursive: true, force: true });
	await mkdir(`${options.projectRoot}.cache/watch/`, { recursive: true });
	let current: { deployment: Deployment; root: string | null } = {
		deployment: await deploy(options.outputDir),
		root: null,
	};
	await proxy.switchTo(current.deployment.url);
	const logPath = `${options.projectRoot}.cache/watch/build.log`;
	const shownLog = relative(process.cwd(), logPath);
	let builds = 0;
	let building = false;
	let queued = new Set<string>();

	async function rebuild(paths: readonly string[]) {
		building = true;
		const started = performance.now();
		const root = buildRoot(options.projectRoot, ++builds);
		const what = paths.length === 1 ? paths[0] : count(paths.length, 'file');
		print(paint('dim', `Change in ${what}: building (full log: ${shownLog})…`));
		const ticker = color
			? setInterval(() => {
					const seconds = ((performance.now() - started) / 1000).toFixed(0);
					process.stdout.write(paint('dim', `\r  building… ${seconds} s`));
				}, 1000)
			: undefined;
		const endTicker = () => {
			clearInterval(ticker);
			if (color) process.stdout.write('\r\u001b[2K');
		};
		try {
			const outputDir = await buildCopy(options.projectRoot, root, logPath);
			const next = { deployment: await deploy(outputDir), root };
			const previous = current;
			current = next;
			endTicker();
			print(paint('green', rebuiltLine(performance.now() - started, paths.length)));
			void proxy.switchTo(next.deployment.url).then(async () => {
				await previous.deployment.stop();
				if (previous.root !== null) await rm(previous.root, { recursive: true, force: true });
			});
		} catch (error) {
			endTicker();
			const detail =
				error instanceof BuildFailed
					? `${error.excerpt}\n(full log: ${shownLog})`
					: error instanceof Error
						? error.message
						: String(error);
			print(
				paint('red', `Build failed; the previous deployment keeps serving. Save again to retry.`),
			);
			print(detail);
			await rm(root, { recursive: true, force: true });
		} finally {
			building = false;
		}
		if (queued.size > 0) {
			const next = [...queued].sort();
			queued = new Set();
			await rebuild(next);
		}
	}

	const watcher = options.watch
		? await watchSources(options.projectRoot, (paths) => {
				if (building) for (const path of paths) queued.add(path);
				else void rebuild(paths);
			})
		: null;
	// Announced once the watches are in place, so a save right after it is seen.
	if (!options.quiet)
		print(
			[
				current.deployment.banner[0]!.replace(current.deployment.url, proxy.url),
				...current.deployment.banner.slice(1),
			].join('\n'),
		);
	if (watcher !== null)
		print(paint('dim', 'Watching src/, public/, astro.config.mjs and .env files.'));

	return {
		url: proxy.url,
		async close() {
			await watcher?.close();
			await proxy.close();
			await current.deployment.stop();
		},
	};
}

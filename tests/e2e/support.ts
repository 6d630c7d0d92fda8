/**
 * The real site build served over HTTP by the local runtime, in-process, on 127.0.0.1 and a free
 * port. The caches run on a clock the test moves, so expiry is tested without sleeping.
 */
import { inject } from 'vitest';
import { createRuntime, startServer, type Runtime } from '@astro-isr/vercel-runtime';

export const build = inject('siteBuild');

export interface Site {
	readonly url: string;
	readonly runtime: Runtime;
	/** Moves the caches' clock forward. */
	advance(seconds: number): void;
	get(path: string, init?: RequestInit): Promise<Response>;
	close(): Promise<void>;
}

/**
 * Starts the runtime over the test build. `onRender` hears the URL of every function invocation,
 * so tests count renders exactly.
 */
export async function startSite(
	env: Readonly<Record<string, string>> = {},
	onRender: (url: string) => void = () => undefined,
): Promise<Site> {
	let now = Date.now();
	Object.assign(process.env, env);
	const runtime = await createRuntime({
		outputDir: build.outputDir,
		// No `.env` of the developer's: the test decides the environment.
		projectRoot: build.root,
		now: () => now,
		onInvoke: ({ url }) => onRender(url),
	});
	const server = await startServer({
		handle: runtime.handle,
		answer: runtime.answer,
		port: 0,
		host: '127.0.0.1',
	});
	runtime.setPublicHost(server.host);
	return {
		url: server.url,
		runtime,
		advance(seconds) {
			now += seconds * 1000;
		},
		get: (path, init) => fetch(new URL(path, server.url), { redirect: 'manual', ...init }),
		async close() {
			await server.close();
			await runtime.close();
		},
	};
}

export { snapshot, type Snapshot } from '../support/snapshot.ts';

export { sendRaw as rawGet, type RawResponse } from '../platform/raw-http.ts';

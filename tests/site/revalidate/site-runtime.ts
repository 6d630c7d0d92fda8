/**
 * The deployed site behind `fetch`, played by the local runtime in-process: a small Build Output
 * folder (`site-output/`) whose every path is an ISR page stamped with its render time in
 * `x-generated-at`, so a path answers MISS, then HIT, and REVALIDATED only for the right
 * `x-prerender-revalidate` token, by the runtime's rules rather than a copy of them.
 *
 * Time is the test's: `Date` is faked (timers are not), so the runtime's cache and the page's
 * stamp read the same clock; move it with `vi.setSystemTime`. Every request made through `fetch`
 * is recorded. Closed, with `process.env` and the real `Date` restored, when the test finishes.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onTestFinished, vi } from 'vitest';
import { createRuntime } from '@astro-isr/vercel-runtime';

const OUTPUT = fileURLToPath(new URL('site-output/', import.meta.url));

export interface RecordedRequest {
	readonly url: string;
	readonly headers: Headers;
	readonly redirect: RequestRedirect | undefined;
}

export interface SiteRuntime {
	readonly fetch: typeof fetch;
	readonly requests: RecordedRequest[];
	/** Makes the copy of `url` that is served one rendered at `at` (epoch ms); not recorded. */
	renderedAt(url: string, at: number): Promise<void>;
}

export async function createSiteRuntime(options: {
	/** The site's bypass token, at least 32 characters (choice 16). */
	bypassToken: string;
	/** The time to start at, epoch ms. */
	now: number;
}): Promise<SiteRuntime> {
	const dir = await mkdtemp(join(tmpdir(), 'site-runtime-'));
	await cp(OUTPUT, dir, { recursive: true });
	await writeFile(
		join(dir, 'functions', 'page.prerender-config.json'),
		JSON.stringify({ expiration: false, bypassToken: options.bypassToken }),
	);
	vi.useFakeTimers({ toFake: ['Date'] });
	vi.setSystemTime(options.now);
	// The runtime sets VERCEL, VERCEL_ENV and VERCEL_URL for its functions, in this process.
	const env = { ...process.env };
	const runtime = await createRuntime({ outputDir: dir, now: () => Date.now() });
	onTestFinished(async () => {
		await runtime.close();
		vi.useRealTimers();
		for (const name of Object.keys(process.env)) if (!(name in env)) delete process.env[name];
		Object.assign(process.env, env);
		await rm(dir, { recursive: true, force: true });
	});

	const requests: RecordedRequest[] = [];
	const siteFetch = async (input: string | URL | Request, init?: RequestInit) => {
		const request = new Request(input, init);
		requests.push({
			url: request.url,
			headers: new Headers(init?.headers),
			redirect: init?.redirect,
		});
		return runtime.handle(request);
	};
	return {
		fetch: siteFetch as typeof fetch,
		requests,
		async renderedAt(url, at) {
			const now = Date.now();
			vi.setSystemTime(at);
			const headers = { 'x-prerender-revalidate': options.bypassToken };
			await (await runtime.handle(new Request(url, { headers }))).body?.cancel();
			vi.setSystemTime(now);
		},
	};
}

/**
 * "save → every affected page serves the new content": the editor's Save of a published post,
 * timed from the POST until `/blog/<slug>`, `/`, `/blog` and `/data.json` all answer HIT with
 * the new title. Runs the runtime in a child process over a fresh, seeded database file.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { migrate } from '../lib/content-database.ts';
import { startRuntimeChild } from './child.ts';
import { medianOf } from './load.ts';
import type { Row } from './table.ts';

const SLUG = 'hello-world';
const PAGES = [`/blog/${SLUG}`, '/', '/blog', '/data.json'];
const ROUNDS = 20;
const GOAL_MS = 1000;

export async function measureSaveToFresh(outputDir: string): Promise<Row> {
	const dir = await mkdtemp(join(tmpdir(), 'bench-content-'));
	const url = pathToFileURL(join(dir, 'content.db')).href;
	await migrate({ client: 'file', url }, { seed: true });
	const secret = randomBytes(32).toString('base64url');
	// The child inherits the environment at fork time; the other benchmarks never see these.
	const saved = { db: process.env.CONTENT_DATABASE_URL, secret: process.env.ADMIN_SECRET };
	process.env.CONTENT_DATABASE_URL = url;
	process.env.ADMIN_SECRET = secret;
	const runtime = await startRuntimeChild(outputDir);
	restore('CONTENT_DATABASE_URL', saved.db);
	restore('ADMIN_SECRET', saved.secret);
	try {
		const origin = new URL(runtime.url).origin;
		const post = (path: string, fields: Record<string, string>, cookie = '') =>
			fetch(`${origin}${path}`, {
				method: 'POST',
				redirect: 'manual',
				headers: { 'content-type': 'application/x-www-form-urlencoded', origin, cookie },
				body: new URLSearchParams(fields),
			});
		const signIn = await post('/admin/sign-in', { secret });
		const cookie = signIn.headers.getSetCookie()[0]?.split(';')[0] ?? '';
		if (signIn.status !== 303 || cookie === '') throw new Error('bench: sign-in failed');
		await Promise.all(PAGES.map((path) => fetch(`${origin}${path}`).then((r) => r.text())));

		const totals: number[] = [];
		const saves: number[] = [];
		for (let round = 0; round < ROUNDS; round++) {
			const edit = await fetch(`${origin}/admin/posts/${SLUG}`, { headers: { cookie } });
			const version = /name="expectedUpdatedAt" value="([^"]+)"/.exec(await edit.text())?.[1];
			const title = `Bench title ${round} ${Date.now()}`;
			const started = performance.now();
			const response = await post(
				`/admin/posts/${SLUG}`,
				{ title, body: `Round ${round}.`, published: 'on', expectedUpdatedAt: version ?? '' },
				cookie,
			);
			const html = await response.text();
			saves.push(performance.now() - started);
			if (response.status !== 200 || html.includes('FAILED')) {
				throw new Error(`bench: save answered ${response.status}`);
			}
			const pages = await Promise.all(
				PAGES.map(async (path) => {
					const page = await fetch(`${origin}${path}`);
					return { cache: page.headers.get('x-vercel-cache'), body: await page.text() };
				}),
			);
			totals.push(performance.now() - started);
			if (!pages.every((page) => page.cache === 'HIT' && page.body.includes(title))) {
				throw new Error('bench: a page did not serve the new title as HIT right after the save');
			}
		}
		const median = medianOf(totals);
		return {
			measure: `Save → the 4 affected pages serve the new content as HIT (median of ${ROUNDS})`,
			value: `${median.toFixed(0)} ms`,
			reference: `goal < ${GOAL_MS} ms`,
			comparison: `the save itself (write + 4 revalidations) ${medianOf(saves).toFixed(0)} ms; slowest round ${Math.max(...totals).toFixed(0)} ms`,
		};
	} finally {
		await runtime.stop();
		await rm(dir, { recursive: true, force: true });
	}
}

function restore(name: string, value: string | undefined): void {
	if (value === undefined) delete process.env[name];
	else process.env[name] = value;
}

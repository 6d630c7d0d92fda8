/**
 * `npm start` following an edit, end to end, in a copy of the project under `.cache/`: the first
 * start builds it, a saved page edit builds it again and switches deployments. Two builds in all.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { appendFile, rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyEnv, copyProject } from '../../scripts/lib/project-copy.ts';
import { PROJECT_ROOT } from '../support/site-build.ts';

const ROOT = `${PROJECT_ROOT}.cache/watch-test-${process.pid}/`;
const MARK = `edited-${process.pid}`;

function readyUrl(child: ChildProcess, output: { text: string }): Promise<string> {
	return new Promise((resolve, reject) => {
		child.stdout!.on('data', (chunk) => {
			output.text += String(chunk);
			const url = /ready at (http:\/\/\S+)/.exec(output.text)?.[1];
			if (url) resolve(url);
		});
		child.once('exit', () => reject(new Error(`npm start exited:\n${output.text}`)));
	});
}

describe('npm start follows edits', () => {
	let child: ChildProcess;
	let url: string;
	const output = { text: '' };

	beforeAll(async () => {
		await copyProject(PROJECT_ROOT, ROOT);
		child = spawn(process.execPath, ['scripts/start.ts', '--port', '0', '--host', '127.0.0.1'], {
			cwd: ROOT,
			env: copyEnv(),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		child.stderr!.on('data', (chunk) => (output.text += String(chunk)));
		url = await readyUrl(child, output);
	});

	afterAll(async () => {
		if (child.exitCode === null) {
			child.kill('SIGTERM');
			await once(child, 'exit');
		}
		await rm(ROOT, { recursive: true, force: true });
	});

	it('serves a saved page edit as a new deployment: MISS, then HIT, with no failed request meanwhile', async () => {
		const before = await fetch(`${url}/isr`);
		expect(before.status).toBe(200);
		expect(await before.text()).not.toContain(MARK);

		await appendFile(`${ROOT}src/pages/isr.astro`, `\n<!-- ${MARK} -->\n`);
		const seen: { status: number; cache: string | null; edited: boolean }[] = [];
		await expect
			.poll(
				async () => {
					const response = await fetch(`${url}/isr`);
					const edited = (await response.text()).includes(MARK);
					seen.push({
						status: response.status,
						cache: response.headers.get('x-vercel-cache'),
						edited,
					});
					return edited;
				},
				{ timeout: 90_000, interval: 100 },
			)
			.toBe(true);

		expect(seen.filter((request) => request.status !== 200)).toEqual([]);
		expect(seen.at(-1)?.cache).toBe('MISS');
		const again = await fetch(`${url}/isr`);
		expect(again.headers.get('x-vercel-cache')).toBe('HIT');
		expect(await again.text()).toContain(MARK);
		expect(output.text).toMatch(
			/Rebuilt in [\d.]+ s: new deployment, ISR cache cleared \(1 file changed\)/,
		);
	}, 120_000);
});

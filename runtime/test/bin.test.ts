import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from './support/fixtures.ts';

const PACKAGE_DIR = fileURLToPath(new URL('../', import.meta.url));

/** The `bin` of package.json, as npm links it: an executable file run through its `#!` line. */
async function binPath(): Promise<string> {
	const { bin } = JSON.parse(await readFile(join(PACKAGE_DIR, 'package.json'), 'utf8')) as {
		bin: Record<string, string>;
	};
	return join(PACKAGE_DIR, bin['vercel-runtime']);
}

/** Resolves with the URL the banner announces; keeps reading stdout (request lines) after that. */
function readyUrl(child: ChildProcess): Promise<string> {
	return new Promise((resolve, reject) => {
		let output = '';
		child.stdout!.on('data', (chunk) => {
			output += String(chunk);
			const url = /ready at (http:\/\/\S+)/.exec(output)?.[1];
			if (url) resolve(url);
		});
		child.on('exit', () =>
			reject(new Error(`vercel-runtime exited before it was ready:\n${output}`)),
		);
	});
}

// A SvelteKit-shaped folder: a Build Output API folder this site did not make.
describe('the vercel-runtime bin', () => {
	let child: ChildProcess;
	let url: string;
	let cwd: string;
	beforeAll(async () => {
		// An empty working directory, so no project's `.env` reaches the functions.
		cwd = await mkdtemp(join(tmpdir(), 'vercel-runtime-bin-'));
		child = spawn(
			await binPath(),
			['--dir', fixture('sveltekit'), '--port', '0', '--host', '127.0.0.1'],
			{
				cwd,
				// `#!/usr/bin/env node` finds the Node that runs these tests first.
				env: {
					...process.env,
					PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH}`,
				},
				stdio: ['ignore', 'pipe', 'inherit'],
			},
		);
		url = await readyUrl(child);
	});
	afterAll(async () => {
		if (child.exitCode === null) {
			child.kill('SIGTERM');
			await once(child, 'exit');
		}
		await rm(cwd, { recursive: true, force: true });
	});

	it('serves the folder on the port it was given, with ISR', async () => {
		const first = await fetch(`${url}/blog/from-the-bin`);
		expect(first.status).toBe(200);
		expect(first.headers.get('x-vercel-cache')).toBe('MISS');
		expect(await first.json()).toMatchObject({ page: '/blog/from-the-bin' });
		const second = await fetch(`${url}/blog/from-the-bin`);
		expect(second.headers.get('x-vercel-cache')).toBe('HIT');
		await second.body?.cancel();
	});

	it('stops on SIGTERM', async () => {
		child.kill('SIGTERM');
		const [code] = await once(child, 'exit');
		expect(code).toBe(0);
	});
});

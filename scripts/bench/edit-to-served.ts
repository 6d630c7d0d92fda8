/**
 * `npm start` following edits: in a copy of the project, `REBUILDS` saved edits of /isr, each
 * timed from the save to the first response that shows it (goal: within 10 s), and the resident
 * size of the `npm start` process and of its deployment children after the first and the last
 * rebuild (goal: flat). Sizes come from `ps`, which reads the same on Linux and macOS.
 */
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { appendFile, rm } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { copyEnv, copyProject } from '../lib/project-copy.ts';
import { medianOf } from './load.ts';
import { mib, type Row } from './table.ts';

/** Resident bytes of `pid` and, summed, of its child processes. */
async function residentSizes(pid: number): Promise<{ own: number; children: number }> {
	const { stdout } = await promisify(execFile)('ps', ['-A', '-o', 'pid=,ppid=,rss=']);
	let own = 0;
	let children = 0;
	for (const line of stdout.trim().split('\n')) {
		const [id, parent, rss] = line.trim().split(/\s+/).map(Number);
		if (id === pid) own = (rss ?? 0) * 1024;
		else if (parent === pid) children += (rss ?? 0) * 1024;
	}
	return { own, children };
}

export async function measureEditToServed(projectRoot: string, rebuilds: number): Promise<Row[]> {
	const root = `${projectRoot}.cache/bench-watch/`;
	await copyProject(projectRoot, root);
	const child = spawn(
		process.execPath,
		['scripts/start.ts', '--port', '0', '--host', '127.0.0.1'],
		{
			cwd: root,
			env: copyEnv(),
			stdio: ['ignore', 'pipe', 'inherit'],
		},
	);
	let output = '';
	const url = await new Promise<string>((resolve, reject) => {
		child.stdout.on('data', (chunk) => {
			// Request and rebuild lines follow; only the start output is kept.
			if (output.includes('ready at')) return;
			output += String(chunk);
			const found = /ready at (http:\/\/\S+)/.exec(output)?.[1];
			if (found) resolve(found);
		});
		child.once('exit', () => reject(new Error(`npm start exited:\n${output}`)));
	});
	const times: number[] = [];
	const sizes: { own: number; children: number }[] = [];
	try {
		// A first answer and a pause before the first save: a save made in the same instant as the
		// banner was once missed by the watcher (see the report on issue 11).
		await (await fetch(`${url}/isr`)).text();
		await sleep(1000);
		for (let edit = 1; edit <= rebuilds; edit++) {
			const mark = `bench-edit-${edit}`;
			const saved = performance.now();
			await appendFile(`${root}src/pages/isr.astro`, `\n<!-- ${mark} -->\n`);
			while (!(await (await fetch(`${url}/isr`)).text()).includes(mark)) await sleep(50);
			times.push(performance.now() - saved);
			// The replaced deployment stops once drained; measure after it has gone.
			await sleep(1000);
			sizes.push(await residentSizes(child.pid!));
		}
	} finally {
		child.kill('SIGTERM');
		await once(child, 'exit');
		await rm(root, { recursive: true, force: true });
	}
	const first = sizes[0]!;
	const last = sizes.at(-1)!;
	const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
	return [
		{
			measure: `npm start: saved edit of /isr → first response showing it (${rebuilds} edits)`,
			value: `median ${seconds(medianOf(times))}, slowest ${seconds(Math.max(...times))}`,
			reference: 'goal: within 10 s',
			comparison: Math.max(...times) <= 10_000 ? 'every edit within the goal' : 'OVER the goal',
		},
		{
			measure: `npm start: resident size after rebuild 1 and ${rebuilds}`,
			value: `npm start ${mib(first.own)} → ${mib(last.own)}; deployments ${mib(first.children)} → ${mib(last.children)}`,
			reference: `after rebuild 1`,
			comparison: `npm start grew ${mib(last.own - first.own)}, deployments ${mib(last.children - first.children)}`,
		},
	];
}

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readOutputDir } from '../../output/read-output-dir.ts';
import type { FilesystemEntry } from '../../output/types.ts';
import { fixture } from '../support/fixtures.ts';

const temporaryDirs: string[] = [];

/** Writes an output folder from `{ relativePath: contents }` into a fresh temporary directory. */
async function writeOutput(files: Record<string, string>): Promise<string> {
	const dir = await mkdtemp(join(tmpdir(), 'runtime-output-'));
	temporaryDirs.push(dir);
	for (const [path, contents] of Object.entries(files)) {
		await mkdir(dirname(join(dir, path)), { recursive: true });
		await writeFile(join(dir, path), contents);
	}
	return dir;
}

afterEach(async () => {
	await Promise.all(temporaryDirs.splice(0).map((dir) => rm(dir, { recursive: true })));
});

const NODE_FUNCTION = JSON.stringify({ runtime: 'nodejs24.x', handler: 'index.mjs' });

function kinds(files: ReadonlyMap<string, FilesystemEntry>): Record<string, string> {
	return Object.fromEntries([...files].map(([path, entry]) => [path, entry.kind]));
}

describe('readOutputDir', () => {
	it('reads static files, nested and symlinked functions and prerender configs, ignoring other folders', async () => {
		const output = await readOutputDir(fixture('prerender'));
		expect(kinds(output.files)).toEqual({
			'/': 'static',
			'/index.html': 'static',
			'/blog/one': 'static',
			'/api/time': 'function',
			'/blog/post': 'prerender',
			'/blog/post-2': 'prerender',
		});
		expect(output.warnings).toEqual([]);
		expect(output.staticFileCount).toBe(2);
	});

	it('loads the fallback file a FileFsRef names, with its content type', async () => {
		const output = await readOutputDir(fixture('prerender'));
		const post = output.prerenders.find((entry) => entry.outputPath === '/blog/post');
		expect(post?.prerender.config).toMatchObject({ expiration: 60, allowQuery: ['slug'] });
		expect(post?.prerender.fallback?.contentType).toBe('text/html; charset=utf-8');
		expect(new TextDecoder().decode(post?.prerender.fallback?.body)).toContain(
			'The build-time fallback of /blog/post.',
		);
	});

	it('gives a symlinked .func the real folder of its target', async () => {
		const output = await readOutputDir(fixture('prerender'));
		const [post, post2] = ['/blog/post', '/blog/post-2'].map((path) =>
			output.prerenders.find((entry) => entry.outputPath === path),
		);
		expect(post2?.prerender.config.expiration).toBe(false);
		expect(post2?.function.dir).toBe(post?.function.dir);
		expect(post2?.function.dir.endsWith('post.func')).toBe(true);
	});

	it('reads a string fallback relative to the config and warns about functions it cannot run', async () => {
		const dir = await writeOutput({
			'config.json': '{"version":3}',
			'functions/page.func/.vc-config.json': NODE_FUNCTION,
			'functions/page.prerender-config.json':
				'{"expiration":false,"fallback":"page.prerender-fallback.json"}',
			'functions/page.prerender-fallback.json': '{"fallback":true}',
			'functions/edge.func/.vc-config.json': '{"runtime":"edge","entrypoint":"index.js"}',
		});
		const output = await readOutputDir(dir);
		expect(output.prerenders[0].prerender.fallback?.contentType).toBe(
			'application/json; charset=utf-8',
		);
		expect(output.warnings).toEqual([
			'functions/edge.func uses runtime "edge", which the local runtime cannot run; requests to it answer 500',
		]);
	});

	it('tells the user to build when the folder does not exist', async () => {
		await expect(readOutputDir(join(tmpdir(), 'no-such-output-dir'))).rejects.toThrow(
			/^No build output at .*no-such-output-dir\. Run `npm run build` first/,
		);
	});

	it('rejects a folder without config.json', async () => {
		const dir = await writeOutput({ 'static/index.html': '' });
		await expect(readOutputDir(dir)).rejects.toThrow(
			/^Missing .*\/config\.json: this is not a Build Output API folder/,
		);
	});

	it('names the prerender config and its problem', async () => {
		const dir = await writeOutput({
			'config.json': '{"version":3}',
			'functions/_isr.func/.vc-config.json': NODE_FUNCTION,
			'functions/_isr.prerender-config.json': '{"expiration":-5}',
		});
		await expect(readOutputDir(dir)).rejects.toThrow(
			`Invalid ${dir}/functions/_isr.prerender-config.json: expiration must be >= 0`,
		);
	});

	it('names a .vc-config.json that is missing or invalid', async () => {
		const missing = await writeOutput({
			'config.json': '{"version":3}',
			'functions/api/a.func/index.mjs': '',
		});
		await expect(readOutputDir(missing)).rejects.toThrow(
			`Missing ${missing}/functions/api/a.func/.vc-config.json: every .func folder needs one`,
		);
		const invalid = await writeOutput({
			'config.json': '{"version":3}',
			'functions/a.func/.vc-config.json': '{"runtime":"nodejs24.x"}',
		});
		await expect(readOutputDir(invalid)).rejects.toThrow(
			`Invalid ${invalid}/functions/a.func/.vc-config.json: handler is required for runtime "nodejs24.x"`,
		);
	});

	it('rejects a prerender config without a function and a fallback that does not exist', async () => {
		const orphan = await writeOutput({
			'config.json': '{"version":3}',
			'functions/page.prerender-config.json': '{"expiration":60}',
		});
		await expect(readOutputDir(orphan)).rejects.toThrow(
			`Invalid ${orphan}/functions/page.prerender-config.json: there is no page.func folder next to it`,
		);
		const noFallback = await writeOutput({
			'config.json': '{"version":3}',
			'functions/page.func/.vc-config.json': NODE_FUNCTION,
			'functions/page.prerender-config.json': '{"expiration":60,"fallback":"gone.html"}',
		});
		await expect(readOutputDir(noFallback)).rejects.toThrow(
			`Invalid ${noFallback}/functions/page.prerender-config.json: fallback "gone.html" does not exist next to the config`,
		);
	});

	it('serves a directory index at the directory path and warns about overrides of missing files', async () => {
		const dir = await writeOutput({
			'config.json': '{"version":3,"overrides":{"gone.html":{"path":"gone"}}}',
			'static/docs/index.html': '',
			'functions/index.func/.vc-config.json': NODE_FUNCTION,
		});
		const output = await readOutputDir(dir);
		expect(kinds(output.files)).toEqual({
			'/docs/index.html': 'static',
			'/docs': 'static',
			'/docs/': 'static',
			'/index': 'function',
			'/': 'function',
		});
		expect(output.warnings).toEqual([
			'config.json overrides "gone.html", which is not a file in static/',
		]);
	});
});

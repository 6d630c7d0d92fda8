/**
 * A group member rendered along with another member's revalidation gets no
 * `x-now-route-matches`: the captures are of the requester's route (runtime README choice 25).
 * Nitro rebuilds the page path from that header without `passQuery`, so a member rendered with
 * another request's captures would store one page's data under another page's key.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, type Runtime } from '../../handler.ts';

const TOKEN = 'group-route-matches-token-not-a-secret';
let dir: string;
let runtime: Runtime;

async function writeOutput(root: string): Promise<void> {
	const functions = join(root, 'functions');
	await mkdir(join(functions, 'post.func'), { recursive: true });
	await writeFile(
		join(root, 'config.json'),
		JSON.stringify({
			version: 3,
			routes: [
				{ handle: 'filesystem' },
				{ src: '^/posts/(?<slug>[^/]+)\\.json$', dest: '/post.json?slug=$slug' },
				{ src: '^/posts/(?<slug>[^/]+)$', dest: '/post?slug=$slug' },
			],
		}),
	);
	await writeFile(
		join(functions, 'post.func', '.vc-config.json'),
		JSON.stringify({ runtime: 'nodejs24.x', handler: 'index.mjs', launcherType: 'Nodejs' }),
	);
	await writeFile(
		join(functions, 'post.func', 'index.mjs'),
		`export default { fetch: (request) => Response.json({ path: new URL(request.url).pathname, routeMatches: request.headers.get('x-now-route-matches') }) };\n`,
	);
	await symlink('post.func', join(functions, 'post.json.func'));
	// No passQuery: the function learns the slug only from x-now-route-matches, as Nitro's does.
	const config = { expiration: 60, group: 1, bypassToken: TOKEN, allowQuery: ['slug'] };
	for (const name of ['post', 'post.json']) {
		await writeFile(join(functions, `${name}.prerender-config.json`), JSON.stringify(config));
	}
}

const get = async (path: string, headers: Record<string, string> = {}) => {
	const response = await runtime.handle(new Request(`http://localhost${path}`, { headers }));
	return {
		cache: response.headers.get('x-vercel-cache'),
		body: (await response.json()) as { path: string; routeMatches: string | null },
	};
};

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'group-route-matches-'));
	await writeOutput(dir);
	runtime = await createRuntime({ outputDir: dir, projectRoot: dir });
});
afterAll(async () => {
	await runtime.close();
	await rm(dir, { recursive: true, force: true });
});

describe('x-now-route-matches and groups', () => {
	it('goes to the routed output, and not to a member rendered with another route’s revalidation', async () => {
		// The JSON of post a is rendered first, then post b and its JSON.
		expect((await get('/posts/a.json')).body.routeMatches).toBe('slug=a&1=a');
		await get('/posts/b.json');
		expect((await get('/posts/b')).body.routeMatches).toBe('slug=b&1=b');

		const revalidated = await get('/posts/b', { 'x-prerender-revalidate': TOKEN });
		expect(revalidated).toMatchObject({
			cache: 'REVALIDATED',
			body: { routeMatches: 'slug=b&1=b' },
		});
		// The member's new render, stored before the revalidation answered.
		const member = await get('/posts/b.json');
		expect(member.cache).toBe('HIT');
		expect(member.body).toEqual({ path: '/post.json', routeMatches: null });
	});
});

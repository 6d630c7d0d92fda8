/**
 * What the group checks run against. A group needs outputs that share a `group` number, which
 * this site does not emit, so the checks have a target of their own:
 * - with `BASE_URL` set: that deployment, with `PLATFORM_GROUP_PATHS` naming two or more of its
 *   paths whose outputs share a group (a SvelteKit page and its `__data.json`, say), whose bodies
 *   change with every render;
 * - without: the local runtime serving a copy of the runtime's group fixture
 *   (`runtime/test/fixtures/group`: `/posts/<slug>` and `/posts/<slug>.json` share group 1),
 *   with a 2 s expiration so the time-based check can wait it out.
 *
 * @see https://vercel.com/docs/build-output-api/primitives#prerender-configuration-file (`group`)
 * @see docs/vercel-isr-semantics.md §1 (`group`), §9.12
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, inject } from 'vitest';
import { z } from 'zod';
import { createRuntime, startServer } from '@astro-isr/vercel-runtime';
import { PROTECTION_BYPASS_HEADER } from '@astro-isr/vercel-runtime/wire';

export interface GroupTarget {
	readonly baseUrl: string;
	readonly bypassToken: string;
	/** Paths whose outputs share one group, same key: revalidating one regenerates the others. */
	readonly members: readonly string[];
	/** A path of one member output under another key, which the members' revalidation leaves alone. */
	readonly otherKey: string | undefined;
	/** The members' expiration, when the time-based check can wait it out. */
	readonly expirationSeconds: number | undefined;
	/**
	 * How long a revalidation may take to reach the other members' copies: Vercel propagates in
	 * about 300 ms; the runtime stores them before it answers (0: read once, no polling).
	 */
	readonly propagationMs: number;
	readonly headers: Readonly<Record<string, string>>;
}

const FIXTURE = fileURLToPath(new URL('../../runtime/test/fixtures/group/', import.meta.url));
const LOCAL_EXPIRATION_SECONDS = 2;

const paths = z
	.string()
	.transform((list) => list.split(',').map((path) => path.trim()))
	.pipe(z.array(z.string().startsWith('/')).min(2));

const remoteSchema = z.object({
	PLATFORM_GROUP_PATHS: paths.optional(),
	PLATFORM_GROUP_OTHER_PATH: z.string().startsWith('/').optional(),
	PLATFORM_GROUP_EXPIRATION_SECONDS: z.coerce.number().int().min(1).max(60).optional(),
	PLATFORM_BYPASS_TOKEN: z.string().min(32).optional(),
	PLATFORM_PROTECTION_BYPASS: z.string().min(1).optional(),
});

/** A copy of the group fixture whose grouped outputs expire after {@link LOCAL_EXPIRATION_SECONDS}. */
async function shortLivedFixture(): Promise<string> {
	const dir = await mkdtemp(join(tmpdir(), 'group-fixture-'));
	await cp(FIXTURE, dir, { recursive: true, verbatimSymlinks: true });
	for (const name of ['post', 'post.json']) {
		const file = join(dir, 'functions', `${name}.prerender-config.json`);
		const config = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
		await writeFile(file, JSON.stringify({ ...config, expiration: LOCAL_EXPIRATION_SECONDS }));
	}
	return dir;
}

async function localTarget(): Promise<GroupTarget> {
	const dir = await shortLivedFixture();
	const config = JSON.parse(
		await readFile(join(dir, 'functions', 'post.prerender-config.json'), 'utf8'),
	) as { bypassToken: string };
	const runtime = await createRuntime({ outputDir: dir, projectRoot: dir });
	const server = await startServer({ handle: runtime.handle, port: 0, host: '127.0.0.1' });
	runtime.setPublicHost(server.host);
	afterAll(async () => {
		await server.close();
		await runtime.close();
		await rm(dir, { recursive: true, force: true });
	});
	return {
		baseUrl: server.url,
		bypassToken: config.bypassToken,
		members: ['/posts/grouped', '/posts/grouped.json'],
		otherKey: '/posts/elsewhere.json',
		expirationSeconds: LOCAL_EXPIRATION_SECONDS,
		propagationMs: 0,
		headers: {},
	};
}

/** The deployment's group, or undefined when `PLATFORM_GROUP_PATHS` does not name one. */
function remoteTarget(baseUrl: string): GroupTarget | undefined {
	const parsed = remoteSchema.safeParse(process.env);
	if (!parsed.success) {
		throw new Error(
			`Platform suite (groups): ${parsed.error.issues.map((i) => i.message).join('; ')}`,
		);
	}
	const env = parsed.data;
	if (env.PLATFORM_GROUP_PATHS === undefined) return undefined;
	if (env.PLATFORM_BYPASS_TOKEN === undefined) {
		throw new Error('Platform suite (groups): PLATFORM_GROUP_PATHS needs PLATFORM_BYPASS_TOKEN.');
	}
	return {
		baseUrl: baseUrl.replace(/\/+$/, ''),
		bypassToken: env.PLATFORM_BYPASS_TOKEN,
		members: env.PLATFORM_GROUP_PATHS,
		otherKey: env.PLATFORM_GROUP_OTHER_PATH,
		expirationSeconds: env.PLATFORM_GROUP_EXPIRATION_SECONDS,
		propagationMs: 5_000,
		headers: env.PLATFORM_PROTECTION_BYPASS
			? { [PROTECTION_BYPASS_HEADER]: env.PLATFORM_PROTECTION_BYPASS }
			: {},
	};
}

const baseUrl = inject('platformBaseUrl');

/** Undefined only against a deployment that names no group. */
export const groupTarget: GroupTarget | undefined =
	baseUrl === '' ? await localTarget() : remoteTarget(baseUrl);

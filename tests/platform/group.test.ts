/**
 * `group`: "Prerender assets with the same group number will all be re-validated at the same
 * time." The details are not documented (spec §9.12 [U]); these checks state the runtime's
 * choices (runtime README choices 24–26) so a deployment can confirm or refute them.
 *
 * @see https://vercel.com/docs/build-output-api/primitives#prerender-configuration-file
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { PRERENDER_REVALIDATE_HEADER, VERCEL_CACHE_HEADER } from '@astro-isr/vercel-runtime/wire';
import { groupTarget, type GroupTarget } from './group-target.ts';

interface Copy {
	readonly cache: string | null;
	readonly body: string;
}

function request(target: GroupTarget, path: string, headers: Record<string, string> = {}) {
	return fetch(new URL(path, target.baseUrl), {
		redirect: 'manual',
		headers: { ...target.headers, ...headers },
	}).then(async (response): Promise<Copy> => {
		expect(response.status, `${path} answers 200`).toBe(200);
		return { cache: response.headers.get(VERCEL_CACHE_HEADER), body: await response.text() };
	});
}

/** Each path's copy once it is served from the cache. */
async function cached(target: GroupTarget, paths: readonly string[]): Promise<string[]> {
	const bodies: string[] = [];
	for (const path of paths) {
		await request(target, path);
		const copy = await request(target, path);
		expect(copy.cache, `${path} is cached`).toBe('HIT');
		bodies.push(copy.body);
	}
	return bodies;
}

describe.runIf(groupTarget !== undefined)('a group of prerender outputs', () => {
	// Vitest still collects a suite it will not run: read the target defensively here.
	const target = groupTarget as GroupTarget;
	const [first, ...others] = groupTarget?.members ?? [];

	it('revalidating one member regenerates the others, which then serve their new copy as HIT', async () => {
		const before = await cached(target, others);
		const revalidated = await request(target, first!, {
			[PRERENDER_REVALIDATE_HEADER]: target.bypassToken,
		});
		expect(revalidated.cache).toBe('REVALIDATED');
		for (const [index, path] of others.entries()) {
			const changed = { cache: 'HIT', body: expect.not.stringMatching(exact(before[index]!)) };
			if (target.propagationMs === 0) {
				expect(await request(target, path)).toMatchObject(changed);
			} else {
				await expect
					.poll(() => request(target, path), { timeout: target.propagationMs, interval: 250 })
					.toMatchObject(changed);
			}
		}
	});

	it.runIf(groupTarget?.otherKey !== undefined)(
		'leaves a member output’s entry under another key alone [U]',
		async () => {
			const [before] = await cached(target, [target.otherKey!]);
			await request(target, first!, { [PRERENDER_REVALIDATE_HEADER]: target.bypassToken });
			expect(await request(target, target.otherKey!)).toEqual({ cache: 'HIT', body: before });
		},
	);

	it.runIf(groupTarget?.expirationSeconds !== undefined)(
		'regenerates the others when one member expires and regenerates in the background [U]',
		async () => {
			const [firstBefore] = await cached(target, [first!]);
			const before = await cached(target, others);
			await sleep(target.expirationSeconds! * 1000 + 500);
			expect((await request(target, first!)).cache).toBe('STALE');
			await expect
				.poll(() => request(target, first!), { timeout: 5_000, interval: 250 })
				.toMatchObject({ cache: 'HIT', body: expect.not.stringMatching(exact(firstBefore!)) });
			// Without the group, each other member's first request would now be STALE with its old copy.
			for (const [index, path] of others.entries()) {
				const copy = await request(target, path);
				expect(copy.cache).toBe('HIT');
				expect(copy.body).not.toBe(before[index]);
			}
		},
		30_000,
	);
});

/** A pattern matching exactly `text`. */
function exact(text: string): RegExp {
	return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

import { describe, expect, it } from 'vitest';
import { reasonToBuild } from '../../../scripts/lib/build-freshness.ts';
import { buildStampOf } from '../../../src/isr/build-stamp.ts';
import { resolveIsrConfig } from '../../../src/isr/config.ts';

const TOKEN = 't'.repeat(40);
const stamp = (env: Record<string, string>) =>
	buildStampOf(resolveIsrConfig(env, () => 'g'.repeat(43)));

describe('buildStampOf', () => {
	it('records the expiration, the cooldown and a hash of a configured token, never the token', () => {
		const recorded = buildStampOf(
			resolveIsrConfig({ ISR_BYPASS_TOKEN: TOKEN, ISR_EXPIRATION: '30' }),
		);
		expect(recorded).toMatchObject({ expiration: 30, cooldown: 10 });
		expect(recorded.bypassToken).toMatch(/^sha256:[0-9a-f]{16}$/);
		expect(JSON.stringify(recorded)).not.toContain(TOKEN);
	});

	it('records a generated token as "generated", so every build without one matches', () => {
		expect(stamp({}).bypassToken).toBe('generated');
	});
});

describe('reasonToBuild', () => {
	const current = { builtAt: 2_000, newestInput: 1_000, builtWith: stamp({}), wanted: stamp({}) };

	it('serves a build that is newer than its sources and made with the same settings', () => {
		expect(reasonToBuild(current)).toBeNull();
	});

	it('builds when there is no build', () => {
		expect(reasonToBuild({ ...current, builtAt: null })).toBe('no build in .vercel/output');
	});

	it('builds when a source changed after the build', () => {
		expect(reasonToBuild({ ...current, newestInput: 3_000 })).toBe(
			'sources changed since the last build',
		);
	});

	it.each([
		['the expiration', { ISR_EXPIRATION: '5' }],
		['the token', { ISR_BYPASS_TOKEN: TOKEN }],
		['the cooldown', { REVALIDATE_COOLDOWN_SECONDS: '3' }],
	])('builds when %s changed', (_, env) => {
		expect(reasonToBuild({ ...current, wanted: stamp(env) })).toMatch(/changed$/);
	});

	it('builds when the build on disk has no stamp', () => {
		expect(reasonToBuild({ ...current, builtWith: null })).toBe(
			'the last build was not made by this project',
		);
	});
});

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { build, snapshot, startSite, type Site } from './support.ts';

// Issue 8: 40 parallel presses of the public button gave up to 11 renders.
let site: Site;
/** The pages the ISR function rendered (the API endpoint's own invocations are not counted). */
let renders: string[];
beforeAll(async () => {
	renders = [];
	site = await startSite({}, (url) => {
		const page = new URL(url).searchParams.get('x_astro_path');
		if (page !== null) renders.push(page);
	});
});
afterAll(async () => {
	vi.useRealTimers();
	await site?.close();
});

const press = (path: string) =>
	site.get('/api/revalidate', {
		method: 'POST',
		headers: { 'content-type': 'application/json', origin: site.url },
		body: JSON.stringify({ path }),
	});

describe('the public Revalidate button under a burst', () => {
	it('renders /isr once for 40 parallel presses; the other 39 get 429 with Retry-After', async () => {
		// The functions run in this process: their clock moves past the cooldown without sleeping.
		const renderedAt = new Date();
		vi.useFakeTimers({ toFake: ['Date'], now: renderedAt });
		const before = await snapshot(await site.get('/isr'));
		vi.setSystemTime(renderedAt.getTime() + (build.cooldown + 1) * 1000);
		renders.length = 0;

		const responses = await Promise.all(Array.from({ length: 40 }, () => press('/isr')));
		const statuses = responses.map((response) => response.status);

		expect(renders).toEqual(['/isr']);
		expect(statuses.filter((status) => status === 200)).toHaveLength(1);
		expect(statuses.filter((status) => status === 429)).toHaveLength(39);
		for (const response of responses.filter((r) => r.status === 429)) {
			expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
		}
		const after = await snapshot(await site.get('/isr'));
		expect(after.cache).toBe('HIT');
		expect(after.generatedAt).not.toBe(before.generatedAt);
	});
});

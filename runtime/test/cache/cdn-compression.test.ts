import { describe, expect, it } from 'vitest';
import { createCaches } from '../../cache/index.ts';
import { planCdnResponse } from '../../cache/cdn-policy.ts';
import { START } from './support.ts';

const cached = { 'cache-control': 's-maxage=60', 'content-type': 'text/html' };

describe('CDN cache and Accept-Encoding', () => {
	it("does not split entries by a function's Vary: Accept-Encoding, since it picks its own copies", () => {
		const plan = planCdnResponse(200, new Headers({ ...cached, vary: 'Accept-Encoding, Cookie' }));
		expect(plan).toMatchObject({ store: true, vary: ['cookie'] });
	});

	it('keeps Accept-Encoding as a variant when the function encoded the body itself', () => {
		const headers = new Headers({ ...cached, vary: 'Accept-Encoding', 'content-encoding': 'gzip' });
		expect(planCdnResponse(200, headers)).toMatchObject({ store: true, vary: ['accept-encoding'] });
	});

	it('serves one stored entry to clients with different Accept-Encoding values', async () => {
		const caches = createCaches({ now: () => START });
		let calls = 0;
		const invoke = async () => {
			calls += 1;
			return new Response('<p>page</p>'.repeat(50), {
				headers: { ...cached, vary: 'Accept-Encoding' },
			});
		};
		const get = (acceptEncoding: string) =>
			caches.cdn.serve(
				new Request('https://a.test/page', { headers: { 'accept-encoding': acceptEncoding } }),
				'/page',
				invoke,
			);
		await get('br');
		const gzip = await get('gzip');
		expect(gzip.headers.get('x-vercel-cache')).toBe('HIT');
		expect(gzip.headers.get('content-encoding')).toBe('gzip');
		expect(calls).toBe(1);
	});
});

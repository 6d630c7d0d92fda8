import { describe, expect, it } from 'vitest';
import { get, postRevalidate as post, snapshot, withSecret } from './http.ts';
import { target } from './target.ts';

const PAGES = ['/', '/isr', '/data.json', '/blog/hello-world'];

const renderTimes = async () =>
	Promise.all(PAGES.map(async (path) => (await snapshot(await get(path))).generatedAt));

interface Result {
	path: string;
	host: string;
	status: string;
	generatedAt: string | null;
}

describe('POST /api/revalidate', () => {
	it('revalidates /isr and /data.json for a caller with the secret, and the next GET shows the new render', async () => {
		const before = await Promise.all(
			['/isr', '/data.json'].map(async (path) => snapshot(await get(path))),
		);
		const response = await post({ paths: ['/isr', '/data.json'] }, withSecret());
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe('no-store');
		const body = (await response.json()) as {
			revalidated: boolean;
			now: number;
			results: Result[];
		};
		expect(body.revalidated).toBe(true);
		expect(body.results.map((result) => [result.path, result.status])).toEqual([
			['/isr', 'REVALIDATED'],
			['/data.json', 'REVALIDATED'],
		]);
		for (const [index, path] of ['/isr', '/data.json'].entries()) {
			const after = await snapshot(await get(path));
			expect(after.cache).toBe('HIT');
			expect(after.generatedAt).toBe(body.results[index]?.generatedAt);
			expect(after.generatedAt).not.toBe(before[index]?.generatedAt);
		}
	});

	it('is never cached: two identical calls both regenerate', async () => {
		const first = (await (await post({ path: '/blog/hello-world' }, withSecret())).json()) as {
			results: Result[];
		};
		const second = (await (await post({ path: '/blog/hello-world' }, withSecret())).json()) as {
			results: Result[];
		};
		expect(first.results[0]?.status).toBe('REVALIDATED');
		expect(second.results[0]?.status).toBe('REVALIDATED');
		expect(second.results[0]?.generatedAt).not.toBe(first.results[0]?.generatedAt);
	});

	describe('refuses bad requests with a clear 4xx and changes nothing', () => {
		const cases: [string, () => Promise<Response>, number][] = [
			['GET', () => get('/api/revalidate'), 405],
			['a body that is not JSON', () => post('{"paths": [', withSecret()), 400],
			['a body that is not an object', () => post('["/isr"]', withSecret()), 400],
			['an empty path list', () => post({ paths: [] }, withSecret()), 400],
			[
				'51 paths',
				() => post({ paths: Array.from({ length: 51 }, () => '/isr') }, withSecret()),
				400,
			],
			[
				'a body over 16 KiB',
				() => post({ paths: ['/isr'], pad: 'x'.repeat(17 * 1024) }, withSecret()),
				413,
			],
			['a CR/LF in a path', () => post({ paths: ['/isr\r\nx-evil: 1'] }, withSecret()), 400],
			['a dot-dot segment', () => post({ paths: ['/blog/../isr'] }, withSecret()), 400],
			['a scheme and host', () => post({ paths: ['https://evil.example/isr'] }, withSecret()), 400],
			['an excluded route', () => post({ paths: ['/ssr'] }, withSecret()), 400],
			['an API route', () => post({ paths: ['/api/revalidate'] }, withSecret()), 400],
			[
				'a wrong secret',
				() => post({ paths: ['/isr'] }, { authorization: `Bearer ${'w'.repeat(40)}` }),
				401,
			],
			[
				'no secret for a non-public path',
				() => post({ paths: ['/blog/hello-world'] }, { origin: target.baseUrl }),
				401,
			],
			['no secret and no same-origin proof', () => post({ paths: ['/isr'] }), 401],
		];

		it.each(cases)('%s', async (_, send, status) => {
			const before = await renderTimes();
			const response = await send();
			expect(response.status).toBe(status);
			expect(response.headers.get('cache-control')).toBe('no-store');
			if (status === 405) expect(response.headers.get('allow')).toBe('POST');
			if (status === 401) expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
			const text = await response.text();
			expect(text).not.toContain(target.revalidateSecret);
			expect(text).not.toContain(target.bypassToken);
			expect(await renderTimes()).toEqual(before);
		});

		it('names the offending path by its index', async () => {
			const body = (await (await post({ paths: ['/isr', '/a\\b'] }, withSecret())).json()) as {
				index?: number;
				message: string;
			};
			expect(body.index).toBe(1);
			expect(body.message).toMatch(/paths\[1\]/);
		});
	});

	it('answers a same-origin visitor 429 with Retry-After while the render is younger than the cooldown', async () => {
		const fresh = await post({ paths: ['/'] }, withSecret());
		expect(fresh.status).toBe(200);
		const visitor = await post({ paths: ['/'] }, { origin: target.baseUrl });
		expect(visitor.status).toBe(429);
		expect(Number(visitor.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(Number(visitor.headers.get('retry-after'))).toBeLessThanOrEqual(target.cooldownSeconds);
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot, startSite, type Site } from './support.ts';

const SECRET = 's'.repeat(40);
const PAGES = ['/', '/isr', '/data.json', '/blog'];

let site: Site;
beforeAll(async () => {
	site = await startSite({ REVALIDATE_SECRET: SECRET });
});
afterAll(async () => {
	await site?.close();
});

function post(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
	return site.get('/api/revalidate', {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: typeof body === 'string' ? body : JSON.stringify(body),
	});
}
const withSecret = { authorization: `Bearer ${SECRET}` };
const renderTimes = async () =>
	Promise.all(PAGES.map(async (path) => (await snapshot(await site.get(path))).generatedAt));

// HTTP-only assertions live in tests/platform/revalidate.test.ts; these need the runtime itself.
describe('POST /api/revalidate on the real build, through the runtime', () => {
	it('refuses a forged Host without regenerating anything', async () => {
		const before = await renderTimes();
		const response = await site.runtime.handle(
			new Request('http://evil.example/api/revalidate', {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...withSecret },
				body: JSON.stringify({ paths: ['/isr'] }),
			}),
		);
		expect(response.status).toBe(421);
		expect(await renderTimes()).toEqual(before);
	});

	it.each(['127.0.0.2', '[::1]', 'localhost'])(
		'answers 421 to Host %s:<its port>, another loopback name, and regenerates nothing',
		async (hostname) => {
			const before = await renderTimes();
			const { port } = new URL(site.url);
			for (const headers of [withSecret, { origin: `http://${hostname}:${port}` }]) {
				const response = await site.runtime.handle(
					new Request(`http://${hostname}:${port}/api/revalidate`, {
						method: 'POST',
						headers: { 'content-type': 'application/json', ...headers },
						body: JSON.stringify({ paths: ['/isr'] }),
					}),
				);
				expect(response.status).toBe(421);
			}
			expect(await renderTimes()).toEqual(before);
		},
	);

	it('answers 503 to a bearer caller when REVALIDATE_SECRET is not configured', async () => {
		delete process.env.REVALIDATE_SECRET;
		try {
			const response = await post({ paths: ['/isr'] }, withSecret);
			expect(response.status).toBe(503);
		} finally {
			process.env.REVALIDATE_SECRET = SECRET;
		}
	});
});

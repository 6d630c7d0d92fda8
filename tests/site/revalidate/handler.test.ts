import { describe, expect, it, vi } from 'vitest';
import isr, { isrRoutes } from 'virtual:isr-config';
import { handleRevalidate, type RevalidateEnv } from '../../../src/revalidate/handler.ts';
import { createSiteRuntime } from './site-runtime.ts';

const SECRET = 'revalidate-secret-0123456789abcdef0123';
const TOKEN = 'bypass-token-0123456789abcdef0123456789';
const START = Date.parse('2026-11-22T12:00:00.000Z');
const SITE = 'http://localhost:4321';
const LOCAL_ENV: RevalidateEnv = {
	VERCEL: '1',
	VERCEL_URL: 'localhost:4321',
	REVALIDATE_SECRET: SECRET,
};

async function setup(
	env: RevalidateEnv = LOCAL_ENV,
	{ siteToken = TOKEN, fetch }: { siteToken?: string; fetch?: typeof globalThis.fetch } = {},
) {
	const site = await createSiteRuntime({ bypassToken: siteToken, now: START });
	// The site's clock, which the handler reads too.
	const clock = {
		get now() {
			return Date.now();
		},
		set now(time: number) {
			vi.setSystemTime(time);
		},
	};
	const logs: string[] = [];
	const call = async (request: Request) => {
		const response = await handleRevalidate(request, new URL(request.url), {
			config: { ...isr, bypassToken: TOKEN },
			isrRoutes,
			env,
			fetch: fetch ?? site.fetch,
			now: () => clock.now,
			log: (line) => logs.push(line),
		});
		const text = await response.text();
		return { response, text, body: JSON.parse(text) as Record<string, unknown> };
	};
	return { clock, site, logs, call };
}

function post(body: unknown, headers: Record<string, string> = {}, origin = SITE): Request {
	return new Request(`${origin}/api/revalidate`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: typeof body === 'string' ? body : JSON.stringify(body),
	});
}

const bearer = { authorization: `Bearer ${SECRET}` };
const sameOrigin = { origin: SITE, 'sec-fetch-site': 'same-origin' };
const tokenRequests = (site: Awaited<ReturnType<typeof setup>>['site']) =>
	site.requests.filter((request) => request.headers.has('x-prerender-revalidate'));

describe('POST /api/revalidate with the secret', () => {
	it('revalidates every path and answers 200 with a result per path and host', async () => {
		const { call, site, clock } = await setup();
		clock.now += 5_000;
		const { response, body } = await call(post({ paths: ['/isr', '/data.json'] }, bearer));
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toContain('application/json');
		expect(response.headers.get('cache-control')).toBe('no-store');
		const generatedAt = new Date(clock.now).toISOString();
		expect(body).toEqual({
			revalidated: true,
			now: clock.now,
			results: [
				{
					path: '/isr',
					host: 'localhost:4321',
					status: 'REVALIDATED',
					httpStatus: 200,
					generatedAt,
				},
				{
					path: '/data.json',
					host: 'localhost:4321',
					status: 'REVALIDATED',
					httpStatus: 200,
					generatedAt,
				},
			],
		});
		expect(tokenRequests(site).map((request) => request.url)).toEqual([
			`${SITE}/isr`,
			`${SITE}/data.json`,
		]);
	});

	it('accepts {"path": ...} and any ISR path, public or not', async () => {
		const { call } = await setup();
		const { response, body } = await call(post({ path: '/blog/hello-world' }, bearer));
		expect(response.status).toBe(200);
		expect(body.results).toEqual([
			expect.objectContaining({ path: '/blog/hello-world', status: 'REVALIDATED' }),
		]);
	});

	it('revalidates a path named twice once', async () => {
		const { call, site } = await setup();
		await call(post({ paths: ['/isr', '/isr'] }, bearer));
		expect(tokenRequests(site)).toHaveLength(1);
	});

	it('answers 502 with revalidated: false and the reason when a host does not revalidate', async () => {
		// The site was built with another token: it serves its cached copy instead of regenerating.
		const { call } = await setup(LOCAL_ENV, { siteToken: 'another-build-token-0123456789abcdef' });
		const { response, body } = await call(post({ paths: ['/isr'] }, bearer));
		expect(response.status).toBe(502);
		expect(body).toEqual({
			revalidated: false,
			now: START,
			results: [
				{
					path: '/isr',
					host: 'localhost:4321',
					status: 'FAILED',
					httpStatus: 200,
					reason: 'not revalidated: x-vercel-cache is MISS',
				},
			],
		});
	});

	it('sends x-vercel-protection-bypass with every request to the site when configured', async () => {
		const { call, site } = await setup({
			...LOCAL_ENV,
			VERCEL_AUTOMATION_BYPASS_SECRET: 'automation-secret',
		});
		await call(post({ path: '/isr' }, bearer));
		expect(site.requests.length).toBeGreaterThan(0);
		for (const request of site.requests) {
			expect(request.headers.get('x-vercel-protection-bypass')).toBe('automation-secret');
		}
	});

	it('two identical calls both regenerate (nothing is cached)', async () => {
		const { call, clock } = await setup();
		const first = await call(post({ path: '/isr' }, bearer));
		clock.now += 1_000;
		const second = await call(post({ path: '/isr' }, bearer));
		expect(second.response.status).toBe(200);
		expect(second.body.results).not.toEqual(first.body.results);
	});
});

describe('POST /api/revalidate refusals', () => {
	it.each(['GET', 'HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])(
		'answers %s with 405 and Allow: POST',
		async (method) => {
			const { call, site } = await setup();
			const { response, body } = await call(
				new Request(`${SITE}/api/revalidate`, { method, headers: bearer }),
			);
			expect(response.status).toBe(405);
			expect(response.headers.get('allow')).toBe('POST');
			expect(response.headers.get('cache-control')).toBe('no-store');
			expect(body).toMatchObject({ revalidated: false, error: 'method_not_allowed' });
			expect(site.requests).toEqual([]);
		},
	);

	it.each([
		['a wrong secret', 'Bearer not-the-secret'],
		['another scheme', `Basic ${SECRET}`],
		['an empty header', ''],
	])('answers %s with 401 and WWW-Authenticate: Bearer', async (_, authorization) => {
		const { call, site } = await setup();
		const { response, body } = await call(post({ path: '/isr' }, { authorization }));
		expect(response.status).toBe(401);
		expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
		expect(body).toMatchObject({ error: 'unauthorized' });
		expect(site.requests).toEqual([]);
	});

	it('answers bearer callers 503 when REVALIDATE_SECRET is not configured', async () => {
		const { call, site } = await setup({ VERCEL: '1', VERCEL_URL: 'localhost:4321' });
		const { response, body } = await call(post({ path: '/isr' }, bearer));
		expect(response.status).toBe(503);
		expect(body).toMatchObject({
			error: 'not_configured',
			message: expect.stringContaining('REVALIDATE_SECRET'),
		});
		expect(site.requests).toEqual([]);
	});

	it.each([
		['not JSON', '{paths: [/isr]}', 'invalid_body'],
		['a JSON array', '["/isr"]', 'invalid_body'],
		['an empty list', { paths: [] }, 'invalid_body'],
		['51 paths', { paths: Array.from({ length: 51 }, () => '/isr') }, 'invalid_body'],
		['a CRLF path', { paths: ['/isr', '/isr\r\nx: y'] }, 'invalid_path'],
		['the endpoint itself', { paths: ['/api/revalidate'] }, 'invalid_path'],
		['the excluded /ssr', { paths: ['/ssr'] }, 'invalid_path'],
		['a trailing slash', { paths: ['/isr/'] }, 'invalid_path'],
		['a foreign host', { paths: ['//evil.com'] }, 'invalid_path'],
	])('answers %s with 400 and regenerates nothing', async (_, body, code) => {
		const { call, site } = await setup();
		const result = await call(post(body, bearer));
		expect(result.response.status).toBe(400);
		expect(result.body).toMatchObject({ revalidated: false, error: code });
		expect(site.requests).toEqual([]);
	});

	it('names the offending entry by index and never echoes it', async () => {
		const { call } = await setup();
		const { body, text } = await call(
			post({ paths: ['/isr', '/<img src=x onerror=alert(1)>'] }, bearer),
		);
		expect(body).toMatchObject({
			error: 'invalid_path',
			index: 1,
			message: expect.stringMatching(/^paths\[1\]/),
		});
		expect(text).not.toContain('onerror');
	});

	it('answers a body over 16 KiB with 413, by Content-Length and by the bytes sent', async () => {
		const { call, site } = await setup();
		const big = JSON.stringify({ paths: ['/isr'], padding: 'x'.repeat(16 * 1024) });
		expect((await call(post(big, bearer))).response.status).toBe(413);
		const chunked = new Request(`${SITE}/api/revalidate`, {
			method: 'POST',
			headers: bearer,
			body: new Blob([big]).stream(),
			duplex: 'half',
		} as RequestInit);
		expect(chunked.headers.has('content-length')).toBe(false);
		expect((await call(chunked)).response.status).toBe(413);
		expect(site.requests).toEqual([]);
	});

	it('never puts the secret or the bypass token in a body or the log', async () => {
		const { call, logs } = await setup();
		const texts = [
			(await call(post({ path: '/isr' }, bearer))).text,
			(await call(post({ path: '/isr' }, { authorization: `Bearer ${SECRET}x` }))).text,
			(await call(post({ path: `/isr${SECRET}` }, bearer))).text,
		];
		for (const text of [...texts, ...logs]) {
			expect(text).not.toContain(SECRET);
			expect(text).not.toContain(TOKEN);
		}
	});
});

describe('a forged Host', () => {
	it('gets no token sent anywhere, with the secret', async () => {
		const { call, site } = await setup({ ...LOCAL_ENV, REVALIDATE_HOSTS: 'www.example.com' });
		const { response, body } = await call(post({ paths: ['/isr'] }, bearer, 'https://evil.com'));
		expect(response.status).toBe(421);
		expect(body).toMatchObject({ error: 'untrusted_host' });
		expect(site.requests).toEqual([]);
	});

	it('gets nothing fetched at all as a public caller', async () => {
		const { call, site } = await setup();
		const { response } = await call(
			post(
				{ paths: ['/isr'] },
				{ origin: 'https://evil.com', 'sec-fetch-site': 'same-origin' },
				'https://evil.com',
			),
		);
		expect(response.status).toBe(421);
		expect(site.requests).toEqual([]);
	});

	it.each(['http://127.0.0.2:4321', 'http://[::1]:4321', 'http://127.0.0.1:4321'])(
		'gets 421 from the local runtime on %s, another loopback name on its port, and nothing is fetched',
		async (origin) => {
			let fetched = 0;
			const { call } = await setup(LOCAL_ENV, {
				fetch: () => {
					fetched++;
					return Promise.reject(new Error('nothing may be fetched'));
				},
			});
			for (const headers of [bearer, { origin, 'sec-fetch-site': 'same-origin' }]) {
				const { response, body } = await call(post({ paths: ['/isr'] }, headers, origin));
				expect(response.status).toBe(421);
				expect(body).toMatchObject({ error: 'untrusted_host' });
			}
			expect(fetched).toBe(0);
		},
	);

	it('never sends the token over plain http when a forged Host names a configured domain', async () => {
		const { call, site } = await setup({ ...LOCAL_ENV, REVALIDATE_HOSTS: 'www.example.com' });
		await call(post({ paths: ['/isr'] }, bearer));
		await call(post({ paths: ['/isr'] }, bearer, 'http://www.example.com'));
		const urls = tokenRequests(site).map((request) => request.url);
		expect(urls.filter((href) => href.includes('example.com'))).toEqual([
			'https://www.example.com/isr',
		]);
	});

	it('is not trusted on a deployment just because it is a loopback name', async () => {
		const deployed = { VERCEL: '1', VERCEL_URL: 'site-abc.vercel.app', REVALIDATE_SECRET: SECRET };
		const { call, site } = await setup(deployed);
		const { response } = await call(post({ paths: ['/isr'] }, bearer, 'http://localhost:4321'));
		expect(response.status).toBe(421);
		expect(site.requests).toEqual([]);
	});
});

describe('POST /api/revalidate from the Revalidate button (no secret)', () => {
	it('regenerates a public path whose served copy is older than the cooldown', async () => {
		const { call, site, clock } = await setup();
		await site.renderedAt(`${SITE}/isr`, START - 60_000);
		const { response, body } = await call(post({ path: '/isr' }, sameOrigin));
		expect(response.status).toBe(200);
		expect(body.results).toEqual([
			expect.objectContaining({
				path: '/isr',
				status: 'REVALIDATED',
				generatedAt: new Date(clock.now).toISOString(),
			}),
		]);
		expect(site.requests[0]?.headers.has('x-prerender-revalidate')).toBe(false);
	});

	it('answers 429 with Retry-After inside the cooldown, without sending the token', async () => {
		const { call, site, clock } = await setup();
		await site.renderedAt(`${SITE}/isr`, START - 60_000);
		await call(post({ path: '/isr' }, sameOrigin));
		clock.now += 3_000;
		const { response, body } = await call(post({ path: '/isr' }, sameOrigin));
		expect(response.status).toBe(429);
		expect(response.headers.get('retry-after')).toBe('7');
		expect(body).toMatchObject({ error: 'cooldown', retryAfter: 7 });
		expect(tokenRequests(site)).toHaveLength(1);
		clock.now += 7_000;
		expect((await call(post({ path: '/isr' }, sameOrigin))).response.status).toBe(200);
	});

	it('applies the cooldown of the youngest path to the whole request', async () => {
		const { call, site } = await setup();
		await site.renderedAt(`${SITE}/isr`, START - 60_000);
		await site.renderedAt(`${SITE}/data.json`, START - 2_000);
		const { response } = await call(post({ paths: ['/isr', '/data.json'] }, sameOrigin));
		expect(response.status).toBe(429);
		expect(response.headers.get('retry-after')).toBe('8');
		expect(tokenRequests(site)).toEqual([]);
	});

	it('accepts Origin alone or Sec-Fetch-Site alone as same-origin', async () => {
		const { call, site } = await setup();
		await site.renderedAt(`${SITE}/isr`, START - 60_000);
		await site.renderedAt(`${SITE}/data.json`, START - 60_000);
		expect((await call(post({ path: '/isr' }, { origin: SITE }))).response.status).toBe(200);
		expect(
			(await call(post({ path: '/data.json' }, { 'sec-fetch-site': 'same-origin' }))).response
				.status,
		).toBe(200);
	});

	it.each([
		['no Origin or Sec-Fetch-Site', {}],
		['another Origin', { origin: 'https://evil.com', 'sec-fetch-site': 'cross-site' }],
	])('answers 401 to a request with %s', async (_, headers) => {
		const { call, site } = await setup();
		const { response } = await call(post({ path: '/isr' }, headers));
		expect(response.status).toBe(401);
		expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
		expect(site.requests).toEqual([]);
	});

	it('regenerates once for 40 presses at the same moment; the other 39 get 429', async () => {
		const { call, site } = await setup();
		await site.renderedAt(`${SITE}/isr`, START - 60_000);
		const responses = await Promise.all(
			Array.from({ length: 40 }, () => call(post({ path: '/isr' }, sameOrigin))),
		);
		const statuses = responses.map(({ response }) => response.status);
		expect(statuses.filter((status) => status === 200)).toHaveLength(1);
		expect(statuses.filter((status) => status === 429)).toHaveLength(39);
		expect(tokenRequests(site)).toHaveLength(1);
		for (const { response, body } of responses.filter((r) => r.response.status === 429)) {
			expect(body).toMatchObject({
				error: 'cooldown',
				retryAfter: isr.publicRevalidateCooldownSeconds,
			});
			expect(response.headers.get('retry-after')).toBe(String(isr.publicRevalidateCooldownSeconds));
		}
	});

	it('lets presses for different paths run together', async () => {
		const { call, site } = await setup();
		await site.renderedAt(`${SITE}/isr`, START - 60_000);
		await site.renderedAt(`${SITE}/data.json`, START - 60_000);
		const [isrPress, dataPress] = await Promise.all([
			call(post({ path: '/isr' }, sameOrigin)),
			call(post({ path: '/data.json' }, sameOrigin)),
		]);
		expect([isrPress.response.status, dataPress.response.status]).toEqual([200, 200]);
	});

	it('answers 401 for a path outside the public list, naming it by index', async () => {
		const { call, site } = await setup();
		const { response, body } = await call(
			post({ paths: ['/isr', '/blog/hello-world'] }, sameOrigin),
		);
		expect(response.status).toBe(401);
		expect(body).toMatchObject({ error: 'unauthorized', index: 1 });
		expect(site.requests).toEqual([]);
	});

	it('answers 502 and regenerates nothing when the served render time cannot be read', async () => {
		const sent: Headers[] = [];
		const { call } = await setup(LOCAL_ENV, {
			fetch: async (_, init) => {
				sent.push(new Headers(init?.headers));
				return new Response('a page without x-generated-at');
			},
		});
		const { response, body } = await call(post({ path: '/isr' }, sameOrigin));
		expect(response.status).toBe(502);
		expect(body).toMatchObject({ error: 'render_time_unavailable', index: 0 });
		expect(sent).toHaveLength(1);
		expect(sent[0]?.has('x-prerender-revalidate')).toBe(false);
	});
});

describe('the log', () => {
	it('writes one line per call with the caller kind, paths, results and duration', async () => {
		const { call, logs } = await setup();
		await call(post({ paths: ['/isr'] }, bearer));
		await call(new Request(`${SITE}/api/revalidate`));
		expect(logs).toHaveLength(2);
		const [first, second] = logs.map((line) => JSON.parse(line.replace(/^\[revalidate\] /, '')));
		expect(first).toEqual({
			caller: 'secret',
			status: 200,
			paths: ['/isr'],
			results: ['/isr @ localhost:4321: REVALIDATED'],
			ms: 0,
		});
		expect(second).toMatchObject({ caller: 'none', status: 405, error: 'method_not_allowed' });
	});
});

describe('REVALIDATE_HOSTS', () => {
	it('revalidates on every listed host as well as the request host', async () => {
		const { call, site } = await setup({ ...LOCAL_ENV, REVALIDATE_HOSTS: 'www.example.com' });
		const { body } = await call(post({ path: '/isr' }, bearer));
		expect((body.results as { host: string }[]).map((result) => result.host)).toEqual([
			'localhost:4321',
			'www.example.com',
		]);
		expect(tokenRequests(site).map((request) => request.url)).toEqual([
			`${SITE}/isr`,
			'https://www.example.com/isr',
		]);
	});

	it('answers 500 naming the entry when it is misconfigured', async () => {
		const { call, site } = await setup({
			...LOCAL_ENV,
			REVALIDATE_HOSTS: 'ok.example.com,bad host/x',
		});
		const { response, body } = await call(post({ path: '/isr' }, bearer));
		expect(response.status).toBe(500);
		expect(body).toMatchObject({
			error: 'misconfigured',
			message: expect.stringContaining('REVALIDATE_HOSTS entry 2'),
		});
		expect(site.requests).toEqual([]);
	});
});

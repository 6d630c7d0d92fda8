import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../log.ts';
import { createClient, TRANSPORTS } from '../support/clients.ts';
import { fixture } from '../support/fixtures.ts';
import { passThroughCaches } from '../support/pass-through-caches.ts';

interface Rendered {
	readonly path: string;
	readonly query: Record<string, string>;
	readonly count: number;
	readonly renderedAt: number;
}

function clock(start = Date.UTC(2026, 0, 1)) {
	let now = start;
	return { now: () => now, advance: (seconds: number) => (now += seconds * 1000) };
}

describe.each(TRANSPORTS)('prerender fixture (%s)', (transport) => {
	it('serves the fallback as PRERENDER, then the page rendered in the background as HIT', async () => {
		const client = await createClient(transport, { outputDir: fixture('prerender') });
		const first = await client.fetch('/blog/hello');
		expect(first.headers.get('x-vercel-cache')).toBe('PRERENDER');
		expect(first.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(await first.text()).toContain('The build-time fallback of /blog/post.');

		await client.runtime.caches.settled();
		const second = await client.fetch('/blog/hello');
		const third = await client.fetch('/blog/hello');
		expect(second.headers.get('x-vercel-cache')).toBe('HIT');
		const rendered = (await second.json()) as Rendered;
		// passQuery: the prerender function sees its dest path and the allowed query.
		expect(rendered).toMatchObject({ path: '/blog/post', query: { slug: 'hello' } });
		expect(((await third.json()) as Rendered).count).toBe(rendered.count);
		await client.close();
	});
});

describe('prerender fixture through the ISR cache', () => {
	it('renders an expiration: false output once and keeps it, without passing the query', async () => {
		const time = clock();
		const client = await createClient('in-process', {
			outputDir: fixture('prerender'),
			now: time.now,
		});
		const miss = await client.fetch('/forever/a?utm=x');
		expect(miss.headers.get('x-vercel-cache')).toBe('MISS');
		const rendered = (await miss.json()) as Rendered;
		expect(rendered).toMatchObject({ path: '/blog/post-2', query: {} });

		time.advance(365 * 24 * 60 * 60);
		const hit = await client.fetch('/forever/a');
		expect(hit.headers.get('x-vercel-cache')).toBe('HIT');
		expect(((await hit.json()) as Rendered).count).toBe(rendered.count);
		await client.close();
	});

	it('serves STALE after expiration and the regenerated page afterwards', async () => {
		const time = clock();
		const client = await createClient('in-process', {
			outputDir: fixture('prerender'),
			now: time.now,
		});
		await client.fetch('/blog/stale');
		await client.runtime.caches.settled();
		const before = (await (await client.fetch('/blog/stale')).json()) as Rendered;

		time.advance(61);
		const stale = await client.fetch('/blog/stale');
		expect(stale.headers.get('x-vercel-cache')).toBe('STALE');
		expect(((await stale.json()) as Rendered).count).toBe(before.count);
		await client.runtime.caches.settled();
		const fresh = await client.fetch('/blog/stale');
		expect(fresh.headers.get('x-vercel-cache')).toBe('HIT');
		expect(((await fresh.json()) as Rendered).count).toBeGreaterThan(before.count);
		await client.close();
	});

	it('sends ordinary functions through the CDN cache on every request when they set no cache headers', async () => {
		const client = await createClient('in-process', { outputDir: fixture('prerender') });
		const first = (await (await client.fetch('/api/time')).json()) as Rendered;
		const second = await client.fetch('/api/time');
		expect(second.headers.get('x-vercel-cache')).toBe('MISS');
		expect(((await second.json()) as Rendered).count).toBe(first.count + 1);
		await client.close();
	});
	it('keeps the dest slug when a visitor sends another, so a visitor cannot choose the ISR key', async () => {
		const urls: string[] = [];
		const client = await createClient('in-process', {
			outputDir: fixture('prerender'),
			onInvoke: ({ url }) => urls.push(url),
		});
		await client.fetch('/forever/a');
		const crafted = await client.fetch('/forever/a?slug=b');
		expect(crafted.headers.get('x-vercel-cache')).toBe('HIT');
		expect(((await crafted.json()) as Rendered).path).toBe('/blog/post-2');
		expect(urls).toHaveLength(1);
		await client.close();
	});
});

describe('onInvoke', () => {
	it('reports each function invocation once, with its output and URL', async () => {
		const invocations: { outputPath: string; url: string }[] = [];
		const client = await createClient('in-process', {
			outputDir: fixture('prerender'),
			onInvoke: (info) => invocations.push(info),
		});
		expect((await client.fetch('/forever/a')).headers.get('x-vercel-cache')).toBe('MISS');
		expect((await client.fetch('/forever/a')).headers.get('x-vercel-cache')).toBe('HIT');
		await client.fetch('/api/time');
		expect(invocations).toEqual([
			{ outputPath: '/blog/post-2', url: 'http://localhost:4321/blog/post-2' },
			{ outputPath: '/api/time', url: 'http://localhost:4321/api/time' },
		]);
		await client.close();
	});
});

describe('what the caches are asked to serve', () => {
	it('gives the ISR cache the dest path with the dest and request queries merged', async () => {
		const caches = passThroughCaches();
		const client = await createClient('in-process', { outputDir: fixture('prerender'), caches });
		await client.fetch('/forever/a?utm=x');
		expect(caches.served).toEqual([
			{
				cache: 'prerender',
				url: 'http://localhost:4321/blog/post-2?slug=a&utm=x',
				outputPath: '/blog/post-2',
			},
		]);
		await client.close();
	});

	it('gives the CDN cache the original path with the merged query', async () => {
		const caches = passThroughCaches();
		const client = await createClient('in-process', { outputDir: fixture('routes'), caches });
		await client.fetch('/beta?x=1', { headers: { cookie: 'beta=on' } });
		expect(caches.served).toEqual([
			{ cache: 'cdn', url: 'http://localhost:4321/beta?flag=on&x=1', outputPath: '/echo' },
		]);
		await client.close();
	});

	it('runs a symlinked .func with the module of its target', async () => {
		const client = await createClient('in-process', {
			outputDir: fixture('prerender'),
			caches: passThroughCaches(),
		});
		const viaTarget = (await (await client.fetch('/blog/post')).json()) as Rendered;
		const viaLink = (await (await client.fetch('/blog/post-2')).json()) as Rendered;
		expect(viaLink.count).toBe(viaTarget.count + 1);
		await client.close();
	});
});

const groupFixture = fileURLToPath(new URL('../fixtures/group', import.meta.url));
const GROUP_TOKEN = 'group-fixture-bypass-token-not-a-secret';
const PATH_TOKEN = 'group-fixture-path-token-not-a-secret';

interface GroupRendered {
	readonly path: string;
	readonly slug: string;
	readonly count: number;
	readonly userAgent: string | null;
	readonly cookie: string | null;
}

const rendered = async (response: Response) => (await response.json()) as GroupRendered;

describe.each(TRANSPORTS)('group fixture (%s)', (transport) => {
	it('revalidates a post and its JSON together, and leaves other groups alone', async () => {
		const client = await createClient(transport, { outputDir: groupFixture });
		// The fixture counts renders per slug for the whole test file.
		const slug = `together-${transport.replace(' ', '-')}`;
		const post = `/posts/${slug}`;
		await client.fetch(post);
		await client.fetch(`${post}.json`);
		await client.fetch(`/about/${slug}`);

		const revalidated = await client.fetch(post, {
			headers: { 'x-prerender-revalidate': GROUP_TOKEN },
		});
		expect(revalidated.headers.get('x-vercel-cache')).toBe('REVALIDATED');
		const json = await client.fetch(`${post}.json`);
		expect(json.headers.get('x-vercel-cache')).toBe('HIT');
		expect(await rendered(json)).toMatchObject({ path: '/post.json', count: 2 });
		expect((await rendered(await client.fetch(`/about/${slug}`))).count).toBe(1);
		await client.close();
	});
});

describe('group fixture through the ISR cache', () => {
	it('regenerates a stale page although the visitor who found it sends x-astro-locals and cookies', async () => {
		const time = clock();
		const client = await createClient('in-process', { outputDir: groupFixture, now: time.now });
		await client.fetch('/posts/locals');
		time.advance(61);
		const visitor = { headers: { 'x-astro-locals': '1', cookie: 'session=visitor' } };
		const stale = await client.fetch('/posts/locals', visitor);
		expect(stale.headers.get('x-vercel-cache')).toBe('STALE');
		await client.runtime.caches.settled();

		const fresh = await rendered(await client.fetch('/posts/locals', visitor));
		expect(fresh).toMatchObject({
			count: 2,
			cookie: null,
			userAgent: 'vercel-runtime-regeneration',
		});
		await client.close();
	});

	it('logs cache keys with the path token and bypass token redacted', async () => {
		const time = clock();
		const lines: string[] = [];
		const logger = createLogger({ write: (line) => lines.push(line), color: false });
		const client = await createClient('in-process', {
			outputDir: groupFixture,
			now: time.now,
			logger,
		});
		await client.fetch('/posts/flaky');
		time.advance(61);
		await client.fetch('/posts/flaky');
		await client.runtime.caches.settled();
		await client.fetch(`/post?slug=x&path_token=${PATH_TOKEN}`, {
			headers: { 'x-prerender-revalidate': GROUP_TOKEN },
		});

		expect(lines).toContain(
			'warning: regeneration of isr:localhost:4321/post?path_token=[redacted]&slug=flaky failed: status 500',
		);
		expect(lines.some((line) => line.includes('/post?slug=x&path_token=[redacted] 200'))).toBe(
			true,
		);
		expect(lines.join('\n')).not.toContain(PATH_TOKEN);
		await client.close();
	});

	it('escapes the control characters a function puts in an error message', async () => {
		const lines: string[] = [];
		const logger = createLogger({ write: (line) => lines.push(line), color: false });
		const client = await createClient('in-process', { outputDir: groupFixture, logger });
		expect((await client.fetch('/fails/%1b%5B2J%0d%0aforged%00')).status).toBe(500);
		const printed = lines.join('\n');
		expect(printed).toContain('Error: no post \\x1b[2J\\r\\nforged\\x00');
		for (const char of ['\u0000', '\u001b', '\r']) expect(printed).not.toContain(char);
		await client.close();
	});
});

describe('prerender fixture and crawlers', () => {
	it('gives Googlebot the full render instead of the fallback, and stores it', async () => {
		const client = await createClient('in-process', { outputDir: fixture('prerender') });
		const crawler = await client.fetch('/blog/crawled', {
			headers: {
				'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
			},
		});
		expect(crawler.headers.get('x-vercel-cache')).toBe('BYPASS');
		const page = (await crawler.json()) as Rendered;
		expect(page).toMatchObject({ path: '/blog/post', query: { slug: 'crawled' } });

		const visitor = await client.fetch('/blog/crawled');
		expect(visitor.headers.get('x-vercel-cache')).toBe('HIT');
		expect(((await visitor.json()) as Rendered).count).toBe(page.count);
		await client.close();
	});
});

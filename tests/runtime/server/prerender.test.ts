import { describe, expect, it } from 'vitest';
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

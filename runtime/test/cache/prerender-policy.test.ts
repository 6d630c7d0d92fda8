import { describe, expect, it } from 'vitest';
import type { PrerenderConfig } from '../../output/prerender-config.ts';
import {
	decidePrerender,
	fallbackResponse,
	isCacheablePrerenderStatus,
	prerenderStaleAt,
	readPrerenderRequest,
	RETRY_AFTER_FAILURE_MS,
	type PrerenderRequestFacts,
} from '../../cache/prerender-policy.ts';
import { START, TOKEN } from './support.ts';
import { replay } from '../../../runtime/cache/entry.ts';

const facts = (overrides: Partial<PrerenderRequestFacts> = {}): PrerenderRequestFacts => ({
	method: 'GET',
	draftMode: false,
	bypassFor: false,
	revalidate: false,
	crawler: false,
	...overrides,
});
const noFallback = { hasFallback: false, retryAfter: 0 };
const withFallback = { hasFallback: true, retryAfter: 0 };
const fresh = { staleAt: START + 60_000 };

describe('decidePrerender', () => {
	it('invokes and stores on a cold key (MISS)', () => {
		expect(decidePrerender(facts(), undefined, noFallback, START)).toEqual({
			action: 'invoke-and-store',
			status: 'MISS',
			background: false,
		});
	});

	it('serves the fallback and regenerates in the background on a cold key with a fallback', () => {
		expect(decidePrerender(facts(), undefined, withFallback, START)).toEqual({
			action: 'serve-fallback',
			status: 'PRERENDER',
			background: true,
		});
	});

	it('serves a fresh entry as HIT', () => {
		expect(decidePrerender(facts(), fresh, noFallback, START + 59_999)).toEqual({
			action: 'serve-entry',
			status: 'HIT',
			background: false,
		});
	});

	it('serves STALE and regenerates in the background once the entry is stale', () => {
		expect(decidePrerender(facts(), fresh, noFallback, START + 60_000)).toEqual({
			action: 'serve-entry',
			status: 'STALE',
			background: true,
		});
	});

	it('serves STALE without regenerating until the retry time after a failure', () => {
		const stale = { staleAt: START };
		const failed = { hasFallback: false, retryAfter: START + RETRY_AFTER_FAILURE_MS };
		expect(decidePrerender(facts(), stale, failed, START + 29_999)).toEqual({
			action: 'serve-entry',
			status: 'STALE',
			background: false,
		});
		expect(decidePrerender(facts(), stale, failed, START + 30_000).background).toBe(true);
	});

	it('serves the fallback without regenerating until the retry time after a failure', () => {
		const failed = { hasFallback: true, retryAfter: START + RETRY_AFTER_FAILURE_MS };
		expect(decidePrerender(facts(), undefined, failed, START + 29_999)).toEqual({
			action: 'serve-fallback',
			status: 'PRERENDER',
			background: false,
		});
		expect(decidePrerender(facts(), undefined, failed, START + 30_000).background).toBe(true);
	});

	it('renders a cold key without a fallback in the foreground even within the retry time', () => {
		const failed = { hasFallback: false, retryAfter: START + RETRY_AFTER_FAILURE_MS };
		expect(decidePrerender(facts(), undefined, failed, START).action).toBe('invoke-and-store');
	});

	it('treats expiration: false as fresh until revalidated', () => {
		const forever = { staleAt: Infinity };
		expect(decidePrerender(facts(), forever, noFallback, START + 1e12).status).toBe('HIT');
	});

	it('revalidates in the foreground for a matching x-prerender-revalidate, with or without an entry', () => {
		const revalidate = facts({ revalidate: true });
		expect(decidePrerender(revalidate, fresh, noFallback, START)).toEqual({
			action: 'revalidate',
			status: 'REVALIDATED',
			background: false,
		});
		expect(decidePrerender(revalidate, undefined, withFallback, START).action).toBe('revalidate');
	});

	it('bypasses for Draft Mode and experimentalBypassFor, before revalidation', () => {
		const bypass = { action: 'bypass', status: 'BYPASS', background: false };
		expect(decidePrerender(facts({ draftMode: true }), fresh, noFallback, START)).toEqual(bypass);
		expect(decidePrerender(facts({ bypassFor: true }), undefined, noFallback, START)).toEqual(
			bypass,
		);
		expect(
			decidePrerender(facts({ draftMode: true, revalidate: true }), fresh, noFallback, START),
		).toEqual(bypass);
	});

	it('passes other methods through uncached', () => {
		for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
			expect(
				decidePrerender(facts({ method, revalidate: true }), fresh, noFallback, START),
			).toEqual({ action: 'pass-through', status: 'MISS', background: false });
		}
	});

	it('treats HEAD like GET', () => {
		expect(decidePrerender(facts({ method: 'HEAD' }), fresh, noFallback, START).status).toBe('HIT');
	});
});

describe('decidePrerender for crawlers', () => {
	it('renders in the foreground for a crawler on a key that has only its fallback (BYPASS)', () => {
		expect(decidePrerender(facts({ crawler: true }), undefined, withFallback, START)).toEqual({
			action: 'invoke-and-store',
			status: 'BYPASS',
			background: false,
		});
	});

	it('serves a crawler the fallback while a failed render waits out its retry, as anyone', () => {
		const failed = { hasFallback: true, retryAfter: START + RETRY_AFTER_FAILURE_MS };
		expect(decidePrerender(facts({ crawler: true }), undefined, failed, START)).toEqual({
			action: 'serve-fallback',
			status: 'PRERENDER',
			background: false,
		});
	});

	it('serves a crawler a stored entry like anyone else', () => {
		expect(decidePrerender(facts({ crawler: true }), fresh, withFallback, START).status).toBe(
			'HIT',
		);
	});
});

describe('readPrerenderRequest', () => {
	const config: PrerenderConfig = { expiration: 60, bypassToken: TOKEN };
	const read = (init: RequestInit, url = 'https://a.test/_isr', given = config) =>
		readPrerenderRequest(new Request(url, init), new URL(url), given);

	it('recognises the bypass cookie and the revalidate header only with the exact token', () => {
		expect(read({ headers: { cookie: `a=1; __prerender_bypass=${TOKEN}` } }).draftMode).toBe(true);
		expect(read({ headers: { cookie: `__prerender_bypass=${TOKEN}x` } }).draftMode).toBe(false);
		expect(read({ headers: { 'x-prerender-revalidate': TOKEN } }).revalidate).toBe(true);
		expect(read({ headers: { 'x-prerender-revalidate': 'wrong' } }).revalidate).toBe(false);
	});

	it('recognises known crawlers, but only for an output with a fallback', () => {
		const request = (userAgent: string, hasFallback = true) =>
			readPrerenderRequest(
				new Request('https://a.test/_isr', { headers: { 'user-agent': userAgent } }),
				new URL('https://a.test/_isr'),
				config,
				hasFallback,
			).crawler;
		expect(
			request('Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'),
		).toBe(true);
		expect(request('facebookexternalhit/1.1')).toBe(true);
		expect(request('Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)')).toBe(true);
		expect(request('Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0')).toBe(
			false,
		);
		expect(request('Googlebot/2.1', false)).toBe(false);
	});

	it('recognises nothing when the output has no bypass token', () => {
		const noToken = { expiration: 60 } as const;
		const headers = { 'x-prerender-revalidate': '', cookie: '__prerender_bypass=' };
		expect(read({ headers }, undefined, noToken)).toMatchObject({
			draftMode: false,
			revalidate: false,
		});
	});

	it('matches experimentalBypassFor on header, cookie, query and host', () => {
		const bypassFor: PrerenderConfig['experimentalBypassFor'] = [
			{ type: 'header', key: 'next-action' },
			{ type: 'cookie', key: 'mode', value: 'draft|preview' },
			{ type: 'query', key: 'nocache', value: '1' },
			{ type: 'host', value: 'preview\\..*' },
		];
		const withBypass = { ...config, experimentalBypassFor: bypassFor };
		const matches = (init: RequestInit, url = 'https://a.test/_isr') =>
			read(init, url, withBypass).bypassFor;
		expect(matches({ headers: { 'next-action': 'x' } })).toBe(true);
		expect(matches({ headers: { cookie: 'mode=preview' } })).toBe(true);
		expect(matches({ headers: { cookie: 'mode=previewing' } })).toBe(false);
		expect(matches({}, 'https://a.test/_isr?nocache=1')).toBe(true);
		expect(matches({}, 'https://preview.a.test/_isr')).toBe(true);
		expect(matches({})).toBe(false);
	});
});

describe('prerenderStaleAt', () => {
	it('turns stale after expiration seconds', () => {
		expect(prerenderStaleAt(60, new Headers(), START)).toBe(START + 60_000);
	});

	it('uses the shorter lifetime of a CDN cache header', () => {
		const headers = new Headers({ 'vercel-cdn-cache-control': 'max-age=30' });
		expect(prerenderStaleAt(60, headers, START)).toBe(START + 30_000);
		expect(prerenderStaleAt(10, headers, START)).toBe(START + 10_000);
	});

	it('follows header precedence and reads only s-maxage from Cache-Control', () => {
		const targeted = new Headers({
			'cdn-cache-control': 'max-age=40',
			'cache-control': 's-maxage=5',
		});
		expect(prerenderStaleAt(60, targeted, START)).toBe(START + 40_000);
		const browserOnly = new Headers({ 'cache-control': 'public, max-age=0, must-revalidate' });
		expect(prerenderStaleAt(60, browserOnly, START)).toBe(START + 60_000);
		const shared = new Headers({ 'cache-control': 'public, s-maxage=20' });
		expect(prerenderStaleAt(60, shared, START)).toBe(START + 20_000);
	});

	it('never turns stale on time with expiration: false, whatever the headers say', () => {
		const headers = new Headers({ 'vercel-cdn-cache-control': 'max-age=1' });
		expect(prerenderStaleAt(false, headers, START)).toBe(Infinity);
	});
});

describe('isCacheablePrerenderStatus', () => {
	it('accepts exactly 200, 301, 302, 307, 308, 404 and 410', () => {
		const cacheable = [200, 201, 204, 301, 302, 304, 307, 308, 400, 404, 410, 500, 503].filter(
			isCacheablePrerenderStatus,
		);
		expect(cacheable).toEqual([200, 301, 302, 307, 308, 404, 410]);
	});
});

describe('fallbackResponse', () => {
	it('uses initialStatus, initialHeaders and the fallback content type', () => {
		const body = new TextEncoder().encode('<p>loading</p>');
		const response = fallbackResponse(
			{ body, contentType: 'text/html; charset=utf-8' },
			{ expiration: 60, initialStatus: 202, initialHeaders: { 'x-initial': 'yes' } },
			START,
		);
		const headers = replay(response, 'HIT', 0, false).headers;
		expect(response.status).toBe(202);
		expect(headers.get('x-initial')).toBe('yes');
		expect(headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(headers.get('content-length')).toBe(String(body.byteLength));
	});

	it('keeps a content type given in initialHeaders', () => {
		const response = fallbackResponse(
			{ body: new Uint8Array(), contentType: 'text/html' },
			{ expiration: 60, initialHeaders: { 'content-type': 'application/json' } },
			START,
		);
		expect(replay(response, 'HIT', 0, false).headers.get('content-type')).toBe('application/json');
	});
});

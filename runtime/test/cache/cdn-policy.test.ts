import { describe, expect, it } from 'vitest';
import {
	cdnKey,
	createCdnEntry,
	decideCdn,
	matchesVary,
	planCdnResponse,
	readCdnRequest,
	type CdnRequestFacts,
} from '../../cache/cdn-policy.ts';
import { START } from './support.ts';
import { replay } from '../../../runtime/cache/entry.ts';

const plan = (status: number, headers: Record<string, string>) =>
	planCdnResponse(status, new Headers(headers));

describe('readCdnRequest', () => {
	const read = (init: RequestInit) => readCdnRequest(new Request('https://a.test/api', init));

	it('considers only GET and HEAD without Authorization or Range cacheable', () => {
		expect(read({}).cacheable).toBe(true);
		expect(read({ method: 'HEAD' }).cacheable).toBe(true);
		expect(read({ method: 'POST' }).cacheable).toBe(false);
		expect(read({ headers: { authorization: 'Bearer x' } }).cacheable).toBe(false);
		expect(read({ headers: { range: 'bytes=0-1' } }).cacheable).toBe(false);
	});

	it('recognises Pragma: no-cache', () => {
		expect(read({ headers: { pragma: 'no-cache' } }).pragmaNoCache).toBe(true);
		expect(read({ headers: { pragma: 'x-other' } }).pragmaNoCache).toBe(false);
	});
});

describe('cdnKey', () => {
	it('is host, path and the full query as sent', () => {
		expect(cdnKey(new URL('https://a.test/api/x?b=2&a=1'))).toBe('cdn:a.test/api/x?b=2&a=1');
	});
});

describe('decideCdn', () => {
	const request: CdnRequestFacts = { cacheable: true, pragmaNoCache: false };
	const entry = { staleAt: START + 10_000, staleUntil: START + 20_000 };

	it('passes uncacheable requests through', () => {
		expect(decideCdn({ cacheable: false, pragmaNoCache: false }, entry, START).action).toBe(
			'pass-through',
		);
	});

	it('moves from MISS to HIT to STALE with background revalidation to MISS', () => {
		expect(decideCdn(request, undefined, START)).toMatchObject({
			action: 'invoke-and-store',
			status: 'MISS',
		});
		expect(decideCdn(request, entry, START + 9_999)).toMatchObject({
			status: 'HIT',
			background: false,
		});
		expect(decideCdn(request, entry, START + 10_000)).toMatchObject({
			status: 'STALE',
			background: true,
		});
		expect(decideCdn(request, entry, START + 20_000)).toMatchObject({ status: 'MISS' });
	});

	it('revalidates a stale entry in the foreground for Pragma: no-cache', () => {
		const pragma = { cacheable: true, pragmaNoCache: true };
		expect(decideCdn(pragma, entry, START + 10_000)).toMatchObject({
			action: 'revalidate',
			status: 'REVALIDATED',
		});
		expect(decideCdn(pragma, entry, START).status).toBe('HIT');
	});
});

describe('planCdnResponse', () => {
	it('stores for s-maxage from Cache-Control, with the stale-while-revalidate window', () => {
		expect(plan(200, { 'cache-control': 's-maxage=60, stale-while-revalidate=30' })).toEqual({
			store: true,
			freshMs: 60_000,
			staleMs: 30_000,
			vary: [],
			stripShared: true,
		});
	});

	it('stores for max-age from the targeted headers and leaves Cache-Control to the browser', () => {
		expect(
			plan(200, { 'vercel-cdn-cache-control': 'max-age=120', 'cache-control': 'no-store' }),
		).toMatchObject({ store: true, freshMs: 120_000, stripShared: false });
		expect(plan(200, { 'cdn-cache-control': 'max-age=5' })).toMatchObject({
			store: true,
			freshMs: 5_000,
		});
	});

	it('does not store a browser-only Cache-Control or no cache header at all', () => {
		expect(plan(200, { 'cache-control': 'public, max-age=600' }).store).toBe(false);
		expect(plan(200, {}).store).toBe(false);
		expect(plan(200, { 'cache-control': 's-maxage=0' }).store).toBe(false);
	});

	it('never stores private, no-store or no-cache responses', () => {
		for (const directive of ['private', 'no-store', 'no-cache']) {
			expect(plan(200, { 'cache-control': `s-maxage=60, ${directive}` }).store).toBe(false);
			expect(plan(200, { 'cdn-cache-control': `max-age=60, ${directive}` }).store).toBe(false);
		}
	});

	it('never stores responses with Set-Cookie or Vary: *', () => {
		expect(plan(200, { 'cache-control': 's-maxage=60', 'set-cookie': 'a=1' }).store).toBe(false);
		expect(plan(200, { 'cache-control': 's-maxage=60', vary: 'Accept, *' }).store).toBe(false);
	});

	it('stores only statuses 200, 301, 302, 307, 308, 404 and 410', () => {
		const statuses = [200, 201, 204, 301, 302, 304, 307, 308, 404, 410, 500];
		const stored = statuses.filter(
			(status) => plan(status, { 'cache-control': 's-maxage=1' }).store,
		);
		expect(stored).toEqual([200, 301, 302, 307, 308, 404, 410]);
	});

	it('caps lifetimes at one year', () => {
		expect(plan(200, { 'cache-control': 's-maxage=99999999' })).toMatchObject({
			freshMs: 31_536_000_000,
		});
	});
});

describe('createCdnEntry and matchesVary', () => {
	it('strips shared directives for the browser and remembers Vary request headers', () => {
		const headers = new Headers({
			'cache-control': 'public, s-maxage=60',
			vary: 'Accept-Language',
		});
		const responsePlan = planCdnResponse(200, headers);
		if (!responsePlan.store) throw new Error('expected a storable plan');
		const request = new Request('https://a.test/api', { headers: { 'accept-language': 'fr' } });
		const entry = createCdnEntry(200, headers, new Uint8Array(), responsePlan, request, START, 1);

		expect(replay(entry, 'HIT', 0, false).headers.get('cache-control')).toBe('public');
		expect(entry).toMatchObject({ staleAt: START + 60_000, staleUntil: START + 60_000 });
		expect(matchesVary(entry, request)).toBe(true);
		const english = new Request('https://a.test/api', { headers: { 'accept-language': 'en' } });
		expect(matchesVary(entry, english)).toBe(false);
	});
});

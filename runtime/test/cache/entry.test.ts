import { describe, expect, it } from 'vitest';
import { prepareResponse, replay } from '../../cache/entry.ts';
import { START } from './support.ts';

describe('prepareResponse', () => {
	it('keeps the body once, shared with what it was given, and counts it with the headers', () => {
		const body = new TextEncoder().encode('hello');
		const stored = prepareResponse(200, new Headers({ 'x-a': 'b' }), body, START);
		const { identity } = stored.representations;
		expect(identity.body.buffer).toBe(body.buffer);
		const headerChars = identity.headers.reduce((sum, part) => sum + part.length, 0);
		expect(stored.bytes).toBe(5 + headerChars);
		expect(replay(stored, 'HIT', 0, false).headers.get('content-length')).toBe('5');
	});

	it('drops hop-by-hop headers and any cache status or age the function sent', () => {
		const headers = new Headers({ connection: 'close', 'x-vercel-cache': 'HIT', age: '9' });
		const stored = prepareResponse(200, headers, new Uint8Array(), START);
		const names = stored.representations.identity.headers.filter((_, index) => index % 2 === 0);
		expect(names.sort()).toEqual(['content-length', 'date', 'etag']);
	});
});

describe('replay', () => {
	it('answers with the stored body, the cache status and the age', async () => {
		const stored = prepareResponse(200, new Headers(), new TextEncoder().encode('hello'), START);
		const response = replay(stored, 'HIT', 7, false);
		expect(response.headers.get('x-vercel-cache')).toBe('HIT');
		expect(response.headers.get('age')).toBe('7');
		expect(await response.text()).toBe('hello');
		expect(await replay(stored, 'HIT', 7, false).text()).toBe('hello');
	});

	it('drops the body for HEAD but keeps the GET headers', async () => {
		const stored = prepareResponse(200, new Headers(), new TextEncoder().encode('hello'), START);
		const response = replay(stored, 'HIT', 0, true);
		expect(response.headers.get('content-length')).toBe('5');
		expect(await response.text()).toBe('');
	});
});

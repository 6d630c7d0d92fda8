import { describe, expect, it } from 'vitest';
import type { Transform } from '../../output/config-schema.ts';
import {
	functionHeaders,
	routeMatchesFor,
	withRouteMatches,
	withoutPlatformHeaders,
	withResponseTransforms,
} from '../../routing/function-request.ts';

const stripLocals: Transform = {
	type: 'request.headers',
	op: 'delete',
	target: { key: 'x-astro-locals' },
};
const transforms = { request: [stripLocals], response: [], path: undefined };

describe('functionHeaders', () => {
	it('keeps the visitor headers object when no transform changes it', () => {
		const headers = new Headers({ accept: 'text/html' });
		expect(functionHeaders(headers, transforms)).toBe(headers);
	});

	it('applies the request transforms to a copy', () => {
		const headers = new Headers({ 'x-astro-locals': '1', accept: 'text/html' });
		expect(Object.fromEntries(functionHeaders(headers, transforms))).toEqual({
			accept: 'text/html',
		});
		expect(headers.get('x-astro-locals')).toBe('1');
	});

	it('leaves them as they are when a delete names what no header can be called, instead of throwing', () => {
		const headers = new Headers({ accept: 'text/html' });
		const badName: Transform = { ...stripLocals, target: { key: 'bad name\r\n' } };
		expect(functionHeaders(headers, { ...transforms, request: [badName] })).toBe(headers);
	});
});

describe('x-now-route-matches', () => {
	it('is sent for a prerender without passQuery only', () => {
		expect(routeMatchesFor({ expiration: 60 }, '__isr_route=%2Fa')).toBe('__isr_route=%2Fa');
		expect(routeMatchesFor({ expiration: 60, passQuery: true }, '__isr_route=%2Fa')).toBe(
			undefined,
		);
		expect(routeMatchesFor({ expiration: 60 }, '')).toBe(undefined);
	});

	it('is added to a copy of the headers the cache gets, leaving the visitor headers alone', () => {
		const visitor = new Headers({ accept: 'text/html' });
		const routed = withRouteMatches(visitor, '1=%2Fa');
		expect(routed.get('x-now-route-matches')).toBe('1=%2Fa');
		expect(visitor.has('x-now-route-matches')).toBe(false);
		expect(withRouteMatches(visitor, undefined)).toBe(visitor);
	});
});

describe('withoutPlatformHeaders', () => {
	it('removes a visitor x-now-route-matches and keeps the object when there is none', () => {
		const forged = new Headers({ 'X-Now-Route-Matches': '1=%2Fadmin', accept: '*/*' });
		expect(Object.fromEntries(withoutPlatformHeaders(forged))).toEqual({ accept: '*/*' });
		const plain = new Headers({ accept: '*/*' });
		expect(withoutPlatformHeaders(plain)).toBe(plain);
	});
});

describe('withResponseTransforms', () => {
	it('applies response header transforms and keeps status and body', async () => {
		const response = new Response('body', { status: 201, headers: { 'x-internal': '1' } });
		const transformed = withResponseTransforms(response, {
			request: [],
			response: [
				{ type: 'response.headers', op: 'delete', target: { key: 'x-internal' } },
				{ type: 'response.headers', op: 'set', target: { key: 'x-frame-options' }, args: 'DENY' },
			],
			path: undefined,
		});
		expect(transformed.status).toBe(201);
		expect(Object.fromEntries(transformed.headers)).toMatchObject({ 'x-frame-options': 'DENY' });
		expect(transformed.headers.has('x-internal')).toBe(false);
		expect(await transformed.text()).toBe('body');
	});
});

import { describe, expect, it } from 'vitest';
import { RENDER_USER_AGENT, renderHeaders } from '../../cache/render-headers.ts';

const visitor = new Headers({
	host: 'a.test',
	cookie: 'session=1',
	authorization: 'Bearer x',
	'x-astro-locals': '1',
	'x-now-route-matches': 'slug=a',
	'user-agent': 'Mozilla/5.0',
	accept: 'application/json',
	'x-custom': 'yes',
});

describe('renderHeaders', () => {
	it('keeps host and the route matches, and fixes user-agent, accept and accept-encoding', () => {
		const headers = renderHeaders(visitor, {}, { routeMatches: true });
		expect(Object.fromEntries(headers)).toEqual({
			host: 'a.test',
			'x-now-route-matches': 'slug=a',
			'user-agent': RENDER_USER_AGENT,
			accept: '*/*',
			'accept-encoding': 'identity',
		});
	});

	it('drops the route matches for an output routing did not choose', () => {
		expect(renderHeaders(visitor, {}, { routeMatches: false }).has('x-now-route-matches')).toBe(
			false,
		);
	});

	it('adds the visitor headers the output names in allowHeader', () => {
		const headers = renderHeaders(
			visitor,
			{ allowHeader: ['x-custom', 'x-absent'] },
			{ routeMatches: true },
		);
		expect(headers.get('x-custom')).toBe('yes');
		expect(headers.has('x-absent')).toBe(false);
		expect(headers.has('cookie')).toBe(false);
	});
});

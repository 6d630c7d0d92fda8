import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
	SESSION_SECONDS,
	sessionCookieOptions,
	signSession,
	verifySession,
} from '../../../src/admin/session.ts';

const SECRET = 'an-admin-secret-of-at-least-32-characters';
const OTHER_SECRET = 'another-admin-secret-of-32-characters-or-more';
const NOW = Date.UTC(2026, 11, 1, 9, 0, 0);

describe('signSession', () => {
	it('puts the expiry, 12 hours on, inside the signed value', () => {
		const value = signSession(SECRET, NOW);
		expect(value.split('.')[1]).toBe(String(NOW + 12 * 3600 * 1000));
		expect(SESSION_SECONDS).toBe(12 * 3600);
	});

	it('never contains the secret', () => {
		expect(signSession(SECRET, NOW)).not.toContain(SECRET);
	});
});

describe('verifySession', () => {
	it('accepts a value it signed, until it expires', () => {
		const value = signSession(SECRET, NOW);
		expect(verifySession(value, SECRET, NOW)).toEqual({
			valid: true,
			expiresAt: NOW + SESSION_SECONDS * 1000,
		});
		expect(verifySession(value, SECRET, NOW + SESSION_SECONDS * 1000 - 1).valid).toBe(true);
	});

	it('refuses a value at and after its expiry', () => {
		const value = signSession(SECRET, NOW);
		expect(verifySession(value, SECRET, NOW + SESSION_SECONDS * 1000)).toEqual({
			valid: false,
			reason: 'expired',
		});
		expect(verifySession(value, SECRET, NOW + 13 * 3600 * 1000).valid).toBe(false);
	});

	it('refuses a value whose expiry was pushed later', () => {
		const [version, expiry, mac] = signSession(SECRET, NOW).split('.');
		const extended = `${version}.${Number(expiry) + 24 * 3600 * 1000}.${mac}`;
		expect(verifySession(extended, SECRET, NOW)).toEqual({ valid: false, reason: 'forged' });
	});

	it('refuses a value signed with another secret', () => {
		expect(verifySession(signSession(OTHER_SECRET, NOW), SECRET, NOW)).toEqual({
			valid: false,
			reason: 'forged',
		});
	});

	it('refuses a value whose MAC is keyed with the raw secret instead of the derived key', () => {
		const payload = `v1.${NOW + 1000}`;
		const naive = createHmac('sha256', SECRET).update(payload).digest('base64url');
		expect(verifySession(`${payload}.${naive}`, SECRET, NOW).valid).toBe(false);
	});

	it('refuses a value with a changed MAC', () => {
		const value = signSession(SECRET, NOW);
		const last = value.at(-1) === 'A' ? 'B' : 'A';
		expect(verifySession(value.slice(0, -1) + last, SECRET, NOW).valid).toBe(false);
	});

	it('reports a missing cookie as missing', () => {
		expect(verifySession(undefined, SECRET, NOW)).toEqual({ valid: false, reason: 'missing' });
		expect(verifySession('', SECRET, NOW)).toEqual({ valid: false, reason: 'missing' });
	});

	it.each([
		'garbage',
		'v1..',
		`v2.${NOW + 1000}.${'A'.repeat(43)}`,
		`v1.${NOW + 1000}`,
		`v1.${NOW + 1000}.${'A'.repeat(42)}`,
		`v1.${NOW + 1000}.${'A'.repeat(44)}`,
		`v1.-5.${'A'.repeat(43)}`,
		`v1.${NOW + 1000}.${'+'.repeat(43)}`,
		`v1.${'9'.repeat(17)}.${'A'.repeat(43)}`,
	])('refuses the malformed value %j', (value) => {
		expect(verifySession(value, SECRET, NOW)).toEqual({ valid: false, reason: 'malformed' });
	});
});

describe('sessionCookieOptions', () => {
	it('makes the cookie HttpOnly, SameSite=Strict, 12 hours, scoped to /admin', () => {
		expect(sessionCookieOptions(new URL('http://localhost:4321/admin/sign-in'))).toEqual({
			httpOnly: true,
			sameSite: 'strict',
			secure: false,
			path: '/admin',
			maxAge: 12 * 3600,
		});
	});

	it('marks the cookie Secure when the site is served over https', () => {
		expect(sessionCookieOptions(new URL('https://example.com/admin/sign-in')).secure).toBe(true);
	});
});

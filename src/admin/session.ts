/**
 * The editor's session: a stateless cookie value `v1.<expiresAtMs>.<mac>`, where `mac` is
 * HMAC-SHA256 over `v1.<expiresAtMs>` with a key derived from `ADMIN_SECRET`. The expiry is
 * inside the signed value, so a client cannot extend it by keeping the cookie longer, and
 * changing `ADMIN_SECRET` ends every session at once.
 *
 * @see https://datatracker.ietf.org/doc/html/rfc2104 (HMAC)
 * @see https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AstroCookieSetOptions } from 'astro';
import { ADMIN_PATH } from './wire.ts';

export const SESSION_SECONDS = 12 * 60 * 60;

const VERSION = 'v1';
/** Keys the session MAC separately from any other use of the secret. */
const KEY_PURPOSE = 'astro-vercel-isr admin session v1';
const MAC_BYTES = 32;

function sessionKey(secret: string): Buffer {
	return createHmac('sha256', secret).update(KEY_PURPOSE).digest();
}

function mac(secret: string, payload: string): Buffer {
	return createHmac('sha256', sessionKey(secret)).update(payload).digest();
}

/** A session value that is valid until `now + SESSION_SECONDS`. */
export function signSession(secret: string, now: number): string {
	const payload = `${VERSION}.${now + SESSION_SECONDS * 1000}`;
	return `${payload}.${mac(secret, payload).toString('base64url')}`;
}

export type SessionCheck =
	| { readonly valid: true; readonly expiresAt: number }
	| { readonly valid: false; readonly reason: 'missing' | 'malformed' | 'forged' | 'expired' };

/** Whether `value` is a session this secret signed that has not expired at `now`. */
export function verifySession(
	value: string | undefined,
	secret: string,
	now: number,
): SessionCheck {
	if (value === undefined || value === '') return { valid: false, reason: 'missing' };
	const match = /^(v1\.(\d{1,16}))\.([A-Za-z0-9_-]{43})$/.exec(value);
	if (!match) return { valid: false, reason: 'malformed' };
	const [, payload, expiry, signature] = match as unknown as [string, string, string, string];
	const given = Buffer.from(signature, 'base64url');
	if (given.length !== MAC_BYTES || !timingSafeEqual(given, mac(secret, payload))) {
		return { valid: false, reason: 'forged' };
	}
	const expiresAt = Number(expiry);
	if (expiresAt <= now) return { valid: false, reason: 'expired' };
	return { valid: true, expiresAt };
}

/** HttpOnly, SameSite=Strict, 12 h, only sent to `/admin`, and Secure whenever the site is on https. */
export function sessionCookieOptions(url: URL): AstroCookieSetOptions {
	return {
		httpOnly: true,
		sameSite: 'strict',
		secure: url.protocol === 'https:',
		path: ADMIN_PATH,
		maxAge: SESSION_SECONDS,
	};
}

/**
 * Who is calling: a holder of `REVALIDATE_SECRET` (webhooks, scripts, the CLI) or a visitor
 * pressing the button. The secret is compared in constant time over SHA-256 digests, so
 * neither its content nor its length leaks through timing.
 *
 * @see https://datatracker.ietf.org/doc/html/rfc6750#section-2.1
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export type Caller =
	/** No `Authorization` header: the public rules apply. */
	| 'public'
	/** A correct `Authorization: Bearer <REVALIDATE_SECRET>`. */
	| 'secret'
	/** An `Authorization` header, but `REVALIDATE_SECRET` is not configured. */
	| 'not-configured'
	/** A malformed `Authorization` header, another scheme, or a wrong secret. */
	| 'unauthorized';

/** The credentials of `Authorization: Bearer <token>` (scheme case-insensitive), or `undefined`. */
export function parseBearer(authorization: string): string | undefined {
	const match = /^Bearer +(\S+) *$/i.exec(authorization.trim());
	return match?.[1];
}

export function safeEqual(given: string, expected: string): boolean {
	return timingSafeEqual(sha256(given), sha256(expected));
}

function sha256(value: string): Buffer {
	return createHash('sha256').update(value, 'utf8').digest();
}

export function identifyCaller(authorization: string | null, secret: string | undefined): Caller {
	if (authorization === null) return 'public';
	if (secret === undefined || secret === '') return 'not-configured';
	const token = parseBearer(authorization);
	return token !== undefined && safeEqual(token, secret) ? 'secret' : 'unauthorized';
}

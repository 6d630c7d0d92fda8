/**
 * `npm start` gives a fresh clone a working editor: without `ADMIN_SECRET` in the shell or the
 * project's `.env` files, it generates one for this run only and the banner prints it.
 */
import { randomBytes } from 'node:crypto';
import { ADMIN_SECRET_ENV, MIN_ADMIN_SECRET_LENGTH } from '../../src/admin/access.ts';
import { ADMIN_PATH } from '../../src/admin/wire.ts';

export type AdminSecret =
	| { readonly source: 'environment'; readonly secret: string }
	| { readonly source: 'generated'; readonly secret: string }
	| { readonly source: 'too-short' };

/** 256 random bits, base64url: 43 characters. */
export function generateAdminSecret(): string {
	return randomBytes(32).toString('base64url');
}

/** The secret this run uses; `configured` is the shell's value, else the `.env` files' one. */
export function adminSecretFor(
	configured: string | undefined,
	generate: () => string = generateAdminSecret,
): AdminSecret {
	if (configured === undefined || configured === '') {
		return { source: 'generated', secret: generate() };
	}
	if (configured.length < MIN_ADMIN_SECRET_LENGTH) return { source: 'too-short' };
	return { source: 'environment', secret: configured };
}

/** The banner line printed under the runtime's own banner (its URL + `/admin`). */
export function adminBannerLine(secret: AdminSecret): string {
	const editor = ADMIN_PATH;
	switch (secret.source) {
		case 'generated':
			return `  editor  ${editor}, secret for this run: ${secret.secret}\n          (set ${ADMIN_SECRET_ENV} in .env to keep one across restarts)`;
		case 'environment':
			return `  editor  ${editor} (secret: ${ADMIN_SECRET_ENV})`;
		case 'too-short':
			return `  editor  disabled: ${ADMIN_SECRET_ENV} is shorter than ${MIN_ADMIN_SECRET_LENGTH} characters`;
	}
}

/**
 * The editor's thin shell over Astro: reads the run-time environment, the session cookie and the
 * client's address, and hands them to the pure modules next to this one.
 */
import type { APIContext } from 'astro';
import { getSecret } from 'astro:env/server';
import type { HostEnv } from '../revalidate/hosts.ts';
import { getContentStore } from '../store/index.ts';
import type { ContentStore } from '../store/store.ts';
import { ACCESS_MESSAGES, decideAdminAccess, type AdminAccess, type AdminEnv } from './access.ts';
import { sessionCookieOptions, signSession, verifySession } from './session.ts';
import { SignInThrottle } from './throttle.ts';
import { ADMIN_PATH, SESSION_COOKIE } from './wire.ts';

export type AdminContext = Pick<APIContext, 'cookies' | 'url' | 'request'>;

export interface AdminRuntimeEnv extends AdminEnv, HostEnv {
	readonly VERCEL_AUTOMATION_BYPASS_SECRET?: string | undefined;
}

const ENV_NAMES = [
	'ADMIN_SECRET',
	'ADMIN_PREVIEW_WRITES',
	'REVALIDATE_HOSTS',
	'VERCEL_AUTOMATION_BYPASS_SECRET',
	'VERCEL',
	'VERCEL_ENV',
	'VERCEL_URL',
	'VERCEL_BRANCH_URL',
	'VERCEL_PROJECT_PRODUCTION_URL',
] as const satisfies readonly (keyof AdminRuntimeEnv)[];

/** Read on every request (never inlined into the bundle), so a changed variable applies at once. */
export function readAdminEnv(): AdminRuntimeEnv {
	return Object.fromEntries(ENV_NAMES.map((name) => [name, getSecret(name)]));
}

export type AdminGate =
	| { readonly state: 'disabled'; readonly message: string }
	| {
			readonly state: 'signed-out' | 'signed-in';
			readonly access: Extract<AdminAccess, { enabled: true }>;
			readonly env: AdminRuntimeEnv;
			readonly store: ContentStore;
	  };

/** Whether the editor is on for this deployment, and whether this request is signed in. */
export function adminGate(context: AdminContext, now = Date.now()): AdminGate {
	const env = readAdminEnv();
	const store = getContentStore();
	const access = decideAdminAccess(env, store.writable);
	if (!access.enabled) return { state: 'disabled', message: ACCESS_MESSAGES[access.reason] };
	const state = isSignedIn(context, access.secret, now) ? 'signed-in' : 'signed-out';
	return { state, access, env, store };
}

/**
 * The answer to a request the gate did not let through: a GET goes to `/admin` (which shows the
 * sign-in form, or why the editor is off); anything else is refused with 401.
 */
export function refuseOutsideSession(request: Request): Response {
	if (request.method === 'GET' || request.method === 'HEAD') {
		return new Response(null, { status: 303, headers: { location: ADMIN_PATH } });
	}
	return new Response(
		`<!doctype html><title>Signed out</title><p>You are not signed in (or your session ended), so nothing was changed. <a href="${ADMIN_PATH}">Sign in</a> and try again.</p>`,
		{ status: 401, headers: { 'content-type': 'text/html; charset=utf-8' } },
	);
}

export function isSignedIn(context: AdminContext, secret: string, now = Date.now()): boolean {
	return verifySession(context.cookies.get(SESSION_COOKIE)?.value, secret, now).valid;
}

export function startSession(context: AdminContext, secret: string, now = Date.now()): void {
	context.cookies.set(SESSION_COOKIE, signSession(secret, now), sessionCookieOptions(context.url));
}

export function endSession(context: AdminContext): void {
	const { maxAge: _maxAge, ...options } = sessionCookieOptions(context.url);
	context.cookies.delete(SESSION_COOKIE, options);
}

/** One throttle per function instance (see throttle.ts for what that bounds). */
export const signInThrottle = new SignInThrottle();

/**
 * The throttle key: the client's IP as the platform reports it (`x-forwarded-for`, which Vercel
 * and the local runtime set from the connection, replacing any a visitor sends). Without one,
 * every client shares one key.
 */
export function clientKey(context: Pick<APIContext, 'clientAddress'>): string {
	try {
		return context.clientAddress || 'unknown';
	} catch {
		return 'unknown';
	}
}

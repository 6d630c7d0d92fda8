/**
 * Whether `/admin` is on, and whether it may write, from the run-time environment and the store.
 *
 * - No `ADMIN_SECRET` (or one shorter than 32 characters): the editor is disabled.
 * - `VERCEL_ENV=preview`: a preview usually shares production's database but can revalidate only
 *   its own domain, so a write there would leave production's pages stale. Read-only unless
 *   `ADMIN_PREVIEW_WRITES=1` says this preview has a database of its own.
 * - The bundled seed store is read-only by nature.
 *
 * @see https://vercel.com/docs/environment-variables/system-environment-variables#VERCEL_ENV
 */
export const ADMIN_SECRET_ENV = 'ADMIN_SECRET';
export const ADMIN_PREVIEW_WRITES_ENV = 'ADMIN_PREVIEW_WRITES';
export const MIN_ADMIN_SECRET_LENGTH = 32;

export interface AdminEnv {
	readonly ADMIN_SECRET?: string | undefined;
	readonly ADMIN_PREVIEW_WRITES?: string | undefined;
	readonly VERCEL_ENV?: string | undefined;
}

export type ReadOnlyReason = 'preview' | 'seed-store';

export type AdminAccess =
	| { readonly enabled: false; readonly reason: 'no-secret' | 'short-secret' }
	| {
			readonly enabled: true;
			readonly secret: string;
			readonly writable: boolean;
			readonly readOnlyReason: ReadOnlyReason | undefined;
	  };

export function decideAdminAccess(env: AdminEnv, storeWritable: boolean): AdminAccess {
	const secret = env.ADMIN_SECRET ?? '';
	if (secret === '') return { enabled: false, reason: 'no-secret' };
	if (secret.length < MIN_ADMIN_SECRET_LENGTH) return { enabled: false, reason: 'short-secret' };
	const readOnlyReason: ReadOnlyReason | undefined = !storeWritable
		? 'seed-store'
		: env.VERCEL_ENV === 'preview' && env.ADMIN_PREVIEW_WRITES !== '1'
			? 'preview'
			: undefined;
	return { enabled: true, secret, writable: readOnlyReason === undefined, readOnlyReason };
}

/** What the disabled or read-only editor tells the person, with the fix. */
export const ACCESS_MESSAGES = {
	'no-secret': `The editor is disabled: ${ADMIN_SECRET_ENV} is not set on this deployment. Set it to a random value of at least ${MIN_ADMIN_SECRET_LENGTH} characters in the project's Environment Variables (generate one with \`node -e "console.log(crypto.randomBytes(32).toString('base64url'))"\`) and redeploy.`,
	'short-secret': `The editor is disabled: ${ADMIN_SECRET_ENV} is shorter than ${MIN_ADMIN_SECRET_LENGTH} characters. Replace it with a random value of at least ${MIN_ADMIN_SECRET_LENGTH} characters and redeploy.`,
	preview: `This preview deployment is read-only: it usually shares production's database but can revalidate only its own domain, so a save here would leave production's pages stale. If this preview has a database of its own, set ${ADMIN_PREVIEW_WRITES_ENV}=1 for the Preview environment and redeploy.`,
	'seed-store':
		'Read-only: no database is connected, so these are the seed posts bundled with the build. Connect one by setting TURSO_DATABASE_URL and TURSO_AUTH_TOKEN (Turso\'s Vercel Marketplace integration sets both) and redeploy; see the README, "The content store".',
} as const;

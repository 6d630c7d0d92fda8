/**
 * The editor over HTTP: a fresh test database per site, a signed-in session, and form posts sent
 * as a browser sends them (urlencoded, with the page's own `Origin`, which Astro's
 * `security.checkOrigin` requires).
 */
import { createTestDatabase, type TestDatabase } from '../support/content-db.ts';
import { startSite, type Site } from './support.ts';

export const ADMIN_SECRET = 'an-e2e-admin-secret-that-is-long-enough-0123';

export interface AdminSite {
	readonly site: Site;
	readonly db: TestDatabase;
	close(): Promise<void>;
}

export async function startAdminSite(
	env: Readonly<Record<string, string>> = {},
	onRender?: (url: string) => void,
): Promise<AdminSite> {
	const db = await createTestDatabase();
	const site = await startSite({ CONTENT_DATABASE_URL: db.url, ADMIN_SECRET, ...env }, onRender);
	return {
		site,
		db,
		async close() {
			await site.close();
			await db.close();
		},
	};
}

export type Fields = Readonly<Record<string, string | readonly string[]>>;

export function formBody(fields: Fields): URLSearchParams {
	const body = new URLSearchParams();
	for (const [name, value] of Object.entries(fields)) {
		for (const one of typeof value === 'string' ? [value] : value) body.append(name, one);
	}
	return body;
}

/** POSTs a form from the site's own origin, with the session cookie when one is given. */
export function postForm(
	site: Site,
	path: string,
	fields: Fields,
	cookie?: string,
	headers: Record<string, string> = {},
): Promise<Response> {
	return site.get(path, {
		method: 'POST',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			origin: new URL(site.url).origin,
			...(cookie ? { cookie } : {}),
			...headers,
		},
		body: formBody(fields),
	});
}

/** The `name=value` of the session cookie a response sets, for the next request's `Cookie`. */
export function sessionCookieOf(response: Response): string | undefined {
	const header = response.headers.getSetCookie().find((line) => line.startsWith('admin_session='));
	return header?.split(';')[0];
}

export async function signIn(site: Site, secret = ADMIN_SECRET): Promise<string> {
	const response = await postForm(site, '/admin/sign-in', { secret });
	const cookie = sessionCookieOf(response);
	if (response.status !== 303 || !cookie) {
		throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
	}
	return cookie;
}

/** GETs a page with the session cookie. */
export function getWith(site: Site, path: string, cookie: string): Promise<Response> {
	return site.get(path, { headers: { cookie } });
}

/** The value of the hidden version field on an edit or delete page. */
export function versionOf(html: string): string {
	const version = /name="expectedUpdatedAt" value="([^"]+)"/.exec(html)?.[1];
	if (!version) throw new Error('no version field on the page');
	return version;
}

/** The `REVALIDATED …`/`FAILED …` lines a write reports. */
export function resultLines(html: string): string[] {
	return [...html.matchAll(/<li data-status="[A-Z]+"><code>([^<]+)<\/code><\/li>/g)].map(
		(match) => match[1]!,
	);
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	ADMIN_SECRET,
	getWith,
	postForm,
	sessionCookieOf,
	signIn,
	startAdminSite,
	type AdminSite,
} from './admin-support.ts';

let admin: AdminSite;
const renders: string[] = [];
beforeAll(async () => {
	admin = await startAdminSite({}, (url) => renders.push(url));
});
afterAll(async () => admin?.close());

const signedInMarker = 'action="/admin/sign-out"';

describe('signing in to /admin', () => {
	it('shows a Secret password field and a Sign in button, rendered fresh and never stored', async () => {
		const before = renders.length;
		const first = await admin.site.get('/admin');
		const html = await first.text();
		expect(first.status).toBe(200);
		expect(first.headers.get('cache-control')).toBe('no-store');
		expect(html).toMatch(/<label for="admin-secret">Secret<\/label>/);
		expect(html).toMatch(/<input id="admin-secret" type="password" name="secret"/);
		expect(html).toContain('<button type="submit">Sign in</button>');
		expect(html).not.toContain(signedInMarker);
		// The admin referrer policy, from the header alone: a <meta> would override it.
		expect(first.headers.get('referrer-policy')).toBe('same-origin');
		expect(html).not.toContain('name="referrer"');
		await (await admin.site.get('/admin')).text();
		expect(renders.length - before).toBe(2);
	});

	it('refuses a wrong secret with 401 and sets no cookie', async () => {
		const response = await postForm(admin.site, '/admin/sign-in', { secret: `${ADMIN_SECRET}x` });
		expect(response.status).toBe(401);
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect(sessionCookieOf(response)).toBeUndefined();
		expect(await response.text()).toContain('Secret: that is not this deployment');
	});

	it('refuses an empty secret with a message naming the field', async () => {
		const response = await postForm(admin.site, '/admin/sign-in', { secret: '' });
		expect(response.status).toBe(401);
		expect(await response.text()).toContain('Secret: enter the admin secret.');
	});

	it('sets an HttpOnly, SameSite=Strict, 12-hour session cookie scoped to /admin for the right secret', async () => {
		const response = await postForm(admin.site, '/admin/sign-in', { secret: ADMIN_SECRET });
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/admin');
		const header = response.headers
			.getSetCookie()
			.find((line) => line.startsWith('admin_session='));
		const attributes = header!.split(';').map((part) => part.trim().toLowerCase());
		expect(attributes).toEqual(
			expect.arrayContaining(['httponly', 'samesite=strict', 'path=/admin', 'max-age=43200']),
		);
		// Plain http on loopback: a Secure cookie would never be sent back.
		expect(attributes).not.toContain('secure');
		expect(header).not.toContain(ADMIN_SECRET);

		const list = await getWith(admin.site, '/admin', sessionCookieOf(response)!);
		expect(await list.text()).toContain(signedInMarker);
	});

	it('treats a tampered session cookie as signed out', async () => {
		const cookie = await signIn(admin.site);
		const [name, value] = cookie.split('=') as [string, string];
		const [version, expiry, mac] = value.split('.');
		const extended = `${name}=${version}.${Number(expiry) + 86_400_000}.${mac}`;
		const response = await getWith(admin.site, '/admin', extended);
		expect(await response.text()).not.toContain(signedInMarker);
		const edit = await getWith(admin.site, '/admin/posts/hello-world', extended);
		expect(edit.status).toBe(303);
	});

	it('refuses cross-site form posts (Astro security.checkOrigin), whatever the cookie', async () => {
		const cookie = await signIn(admin.site);
		const fromElsewhere = await postForm(admin.site, '/admin/sign-out', {}, cookie, {
			origin: 'https://evil.example',
		});
		expect(fromElsewhere.status).toBe(403);
		const withoutOrigin = await admin.site.get('/admin/sign-in', {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ secret: ADMIN_SECRET }),
		});
		expect(withoutOrigin.status).toBe(403);
		expect(sessionCookieOf(withoutOrigin)).toBeUndefined();
	});

	it('signs out with a POST that clears the cookie', async () => {
		const cookie = await signIn(admin.site);
		const response = await postForm(admin.site, '/admin/sign-out', {}, cookie);
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/admin');
		const cleared = response.headers
			.getSetCookie()
			.find((line) => line.startsWith('admin_session='));
		expect(cleared).toMatch(/admin_session=(deleted)?;/);
		expect(cleared!.toLowerCase()).toMatch(/expires=thu, 01 jan 1970|max-age=0/);
	});

	it('does not sign out on a GET, so a link or an image cannot do it', async () => {
		const response = await admin.site.get('/admin/sign-out');
		expect(response.status).toBe(405);
		expect(response.headers.get('allow')).toBe('POST');
		expect(sessionCookieOf(response)).toBeUndefined();
	});

	it('throttles repeated wrong secrets: 429 with Retry-After, even for the right secret', async () => {
		const cookie = await signIn(admin.site);
		const statuses: number[] = [];
		for (let attempt = 0; attempt < 5; attempt++) {
			const response = await postForm(admin.site, '/admin/sign-in', { secret: `wrong-${attempt}` });
			statuses.push(response.status);
		}
		expect(statuses).toEqual([401, 401, 401, 401, 401]);
		const throttled = await postForm(admin.site, '/admin/sign-in', { secret: ADMIN_SECRET });
		expect(throttled.status).toBe(429);
		expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(sessionCookieOf(throttled)).toBeUndefined();
		expect(await throttled.text()).toMatch(
			/Secret: too many wrong secrets from your address\. Try again in \d+ s\./,
		);
		// A session from before keeps working: only signing in is throttled.
		expect(await (await getWith(admin.site, '/admin', cookie)).text()).toContain(signedInMarker);
	});
});

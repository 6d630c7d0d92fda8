import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_SECRET, startAdminSite, type AdminSite } from './admin-support.ts';

let admin: AdminSite;
let browser: Browser;
let page: Page;

beforeAll(async () => {
	admin = await startAdminSite();
	browser = await launchChromium();
	page = await browser.newPage({ viewport: { width: 900, height: 900 } });
});
afterAll(async () => {
	await browser?.close();
	await admin?.close();
});

describe('the editor in a real browser', () => {
	it('signs in, edits a title, and the post and the index show it', async () => {
		await page.goto(`${admin.site.url}/admin`);
		await page.getByLabel('Secret').fill(ADMIN_SECRET);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page.getByRole('link', { name: 'Hello, world' }).click();

		await page.getByLabel('Title').fill('Hello from the browser');
		await page.getByRole('button', { name: 'Save' }).click();
		await expect.poll(() => page.getByRole('status').textContent()).toContain('Saved');
		const lines = await page.locator('.results code').allTextContents();
		expect(lines).toHaveLength(4);
		for (const line of lines) expect(line).toMatch(/^REVALIDATED /);

		const post = await page.goto(`${admin.site.url}/blog/hello-world`);
		expect(post?.headers()['x-vercel-cache']).toBe('HIT');
		await expect.poll(() => page.locator('h1').textContent()).toBe('Hello from the browser');
		await page.goto(`${admin.site.url}/blog`);
		expect(await page.getByRole('link', { name: 'Hello from the browser' }).count()).toBe(1);
	});

	it('previews a draft under the Draft preview banner', async () => {
		await page.goto(`${admin.site.url}/admin`);
		await page.getByRole('link', { name: 'New post' }).first().click();
		await page.getByLabel('Slug').fill('browser-draft');
		await page.getByLabel('Title').fill('A draft from the browser');
		await page.getByLabel('Body').fill('Not for visitors *yet*.');
		expect(await page.getByLabel('Published').isChecked()).toBe(false);
		await page.getByRole('button', { name: 'Save' }).click();
		await expect.poll(() => page.getByRole('status').textContent()).toContain('as a draft');

		await page.getByRole('link', { name: 'Preview' }).click();
		expect(new URL(page.url()).pathname).toBe('/admin/preview/browser-draft');
		await expect.poll(() => page.getByRole('note').textContent()).toContain('Draft preview');
		expect(await page.locator('article em').textContent()).toBe('yet');
		expect((await page.context().cookies()).map((cookie) => cookie.name)).toEqual([
			'admin_session',
		]);

		const visitor = await browser.newPage();
		const response = await visitor.goto(`${admin.site.url}/blog/browser-draft`);
		expect(response?.status()).toBe(404);
		await visitor.close();
	});

	it('asks before deleting, and signs out', async () => {
		await page.goto(`${admin.site.url}/admin/posts/browser-draft`);
		await page.getByRole('link', { name: 'Delete…' }).click();
		await expect
			.poll(() => page.locator('h1').textContent())
			.toBe('Delete “A draft from the browser”?');
		await page.getByRole('button', { name: 'Delete post' }).click();
		await expect.poll(() => page.getByRole('status').textContent()).toContain('deleted');
		expect(await admin.db.store.get('browser-draft')).toBeUndefined();

		await page.getByRole('button', { name: 'Sign out' }).click();
		await expect.poll(() => page.getByLabel('Secret').count()).toBe(1);
		expect(await page.context().cookies()).toEqual([]);
	});
});

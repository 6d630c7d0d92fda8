import { mkdir } from 'node:fs/promises';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type Site } from './support.ts';

/** Debian's Chromium (installed by `.ci/run`); nothing is downloaded at test time. */
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
];
export const SCREENSHOT = 'test-results/isr-page.png';

let site: Site;
let browser: Browser;
let page: Page;

beforeAll(async () => {
	site = await startSite();
	browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
	page = await browser.newPage({ viewport: { width: 900, height: 760 } });
});
afterAll(async () => {
	await browser?.close();
	await site?.close();
});

const renderTime = () => page.locator('[data-generated-at]').getAttribute('data-generated-at');

describe('the ISR page in a real browser', () => {
	it('shows the same render time after a reload: the page came from the cache', async () => {
		await page.goto(`${site.url}/isr`);
		const first = await renderTime();
		expect(first).toMatch(/^\d{4}-\d\d-\d\dT/);
		const reload = await page.reload();
		expect(reload?.headers()['x-vercel-cache']).toBe('HIT');
		expect(await renderTime()).toBe(first);
		await mkdir('test-results', { recursive: true });
		await page.screenshot({ path: SCREENSHOT, fullPage: true });
	});

	it('regenerates the page with Revalidate, keeps the new render cached, and asks to wait when pressed again', async () => {
		await page.goto(`${site.url}/isr`);
		const before = await renderTime();
		const widget = page.locator('[data-revalidate="/isr"]');
		const button = widget.getByRole('button', { name: 'Revalidate' });
		const status = () => widget.getByRole('status').textContent();

		// The page may have been rendered moments ago by the test above: a visitor then waits out
		// the cooldown (REVALIDATE_COOLDOWN_SECONDS, 3 s in the test build), as the status line says.
		await button.click();
		await expect.poll(status).toMatch(/^Regenerated at |try again in \d+ s/);
		const wait = (await status())?.match(/try again in (\d+) s/)?.[1];
		if (wait !== undefined) {
			expect(await renderTime()).toBe(before);
			await page.waitForTimeout(Number(wait) * 1000);
			await button.click();
		}
		await expect.poll(status).toMatch(/^Regenerated at /);
		const after = await renderTime();
		expect(after).not.toBe(before);

		const reload = await page.reload();
		expect(reload?.headers()['x-vercel-cache']).toBe('HIT');
		expect(await renderTime()).toBe(after);

		await button.click();
		await expect.poll(status).toMatch(/try again in \d+ s/);
		expect(await renderTime()).toBe(after);
	});
});

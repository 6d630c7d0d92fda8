import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type Site } from './support.ts';

export const SCREENSHOT = 'test-results/isr-page.png';
/**
 * Phone and desktop, light and dark. A test run writes them under the ignored `test-results/`, so
 * it leaves the tree clean; `UPDATE_SCREENSHOTS=1` writes the copies the README shows instead.
 */
const SCREENSHOT_DIR = process.env.UPDATE_SCREENSHOTS
	? 'docs/screenshots'
	: 'test-results/screenshots';
const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1100, height: 900 } };
const SCHEMES = ['light', 'dark'] as const;
const AXE_SOURCE = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let site: Site;
let browser: Browser;
let page: Page;
/** Every Content-Security-Policy violation any page reported, across navigations. */
const violations: string[] = [];

beforeAll(async () => {
	site = await startSite();
	browser = await launchChromium();
	page = await browser.newPage({ viewport: { width: 900, height: 760 } });
	await page.exposeFunction('reportCspViolation', (violation: string) => {
		violations.push(violation);
	});
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (event) => {
			const report = (window as unknown as { reportCspViolation(v: string): void })
				.reportCspViolation;
			report(
				`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} on ${location.pathname}`,
			);
		});
	});
});
afterEach(() => {
	// A test that ends with a violation fails, whatever it asserted itself.
	expect(violations.splice(0)).toEqual([]);
});
afterAll(async () => {
	await browser?.close();
	await site?.close();
});

const renderTime = () => page.locator('[data-generated-at]').getAttribute('data-generated-at');

describe('the security headers in a real browser', () => {
	it.each(['/', '/isr', '/blog', '/blog/hello-world', '/ssr', '/no-such-page'])(
		'%s renders, runs its scripts and styles, under the Content-Security-Policy with no violation',
		async (path) => {
			const response = await page.goto(`${site.url}${path}`);
			expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
			// The layout's hashed inline <style> applies: the body is narrowed by it.
			const width = await page.evaluate(() => getComputedStyle(document.body).maxWidth);
			expect(width).not.toBe('none');
		},
	);

	it('lets the home page fetch the render times of the other pages (connect-src)', async () => {
		await page.goto(`${site.url}/`);
		await expect
			.poll(() => page.locator('time[data-page-time="/isr"]').textContent())
			.toMatch(/GMT$/);
	});

	it('reports a violation when a page runs inline code the policy does not hash', async () => {
		await page.goto(`${site.url}/isr`);
		await page.evaluate(() => {
			const script = document.createElement('script');
			script.textContent = 'window.injected = true';
			document.body.append(script);
		});
		await expect.poll(() => violations.length).toBeGreaterThan(0);
		expect(violations.splice(0)[0]).toMatch(/^script-src/);
		expect(await page.evaluate(() => 'injected' in window)).toBe(false);
	});
});

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

describe('the cache clock in a real browser', () => {
	const live = () => page.locator('[data-clock-live]').textContent();

	it('counts down the seconds the copy stays fresh, with no request', async () => {
		await page.goto(`${site.url}/isr`);
		await expect.poll(live).toMatch(/^fresh for \d+ s more$|^stale now/);
		const first = await live();
		await expect.poll(live, { timeout: 5000 }).not.toBe(first);
		expect(await page.locator('[data-clock-static]').isHidden()).toBe(true);
	});

	it('shows what a visitor gets now with Check cache: HIT, its age and render time', async () => {
		await page.goto(`${site.url}/isr`);
		await page.reload();
		const rendered = await renderTime();
		const check = page.locator('[data-check-cache]');
		await check.getByRole('button', { name: 'Check cache' }).click();
		const time = new Date(rendered!).toISOString().slice(11, 19);
		await expect
			.poll(() => check.getByRole('status').textContent())
			.toMatch(new RegExp(`^x-vercel-cache: HIT, age: \\d+ s, rendered ${time} UTC$`));
	});
});

describe('accessibility and design in a real browser', () => {
	interface AxeViolation {
		id: string;
		impact: string | null;
		nodes: { target: unknown }[];
	}

	it.each(
		SCHEMES.flatMap((scheme) =>
			['/', '/isr', '/blog/hello-world', '/blog', '/admin'].map((path) => [scheme, path] as const),
		),
	)('%s scheme, %s: axe-core finds no serious or critical violation', async (colorScheme, path) => {
		await page.emulateMedia({ colorScheme });
		await page.goto(`${site.url}${path}`);
		// Evaluated over the DevTools protocol: the page's CSP refuses an injected inline <script>
		// (`addScriptTag`), and the page keeps its real policy while axe runs.
		await page.evaluate(await AXE_SOURCE);
		const found = await page.evaluate(async () => {
			const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } })
				.axe;
			return (await axe.run()).violations;
		});
		const serious = found
			.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
			.map(({ id, nodes }) => `${id}: ${JSON.stringify(nodes.map((node) => node.target))}`);
		expect(serious).toEqual([]);
		await page.emulateMedia({ colorScheme: null });
	});

	it('takes screenshots of the home and ISR pages at phone and desktop widths, light and dark', async () => {
		await mkdir(SCREENSHOT_DIR, { recursive: true });
		for (const [width, viewport] of Object.entries(VIEWPORTS)) {
			const shots = await browser.newPage({ viewport });
			for (const colorScheme of SCHEMES) {
				await shots.emulateMedia({ colorScheme });
				for (const [name, path] of [
					['home', '/'],
					['isr', '/isr'],
				] as const) {
					await shots.goto(`${site.url}${path}`);
					const file = `${SCREENSHOT_DIR}/${name}-${width}-${colorScheme}.png`;
					await shots.screenshot({ path: file, fullPage: name === 'isr' });
					expect((await readFile(file)).subarray(1, 4).toString()).toBe('PNG');
				}
			}
			await shots.close();
		}
	});
});

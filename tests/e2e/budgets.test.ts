/**
 * The weight budgets of `/isr` (issue 11), measured on the built site as a browser loads it: the
 * HTML as sent, and the gzipped JavaScript and CSS it pulls in, inline or linked, with every
 * module a script imports.
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type Site } from './support.ts';

const KB = 1024;
const BUDGETS = { html: 12 * KB, jsGzip: 2 * KB, cssGzip: 8 * KB };

let site: Site;
beforeAll(async () => {
	site = await startSite();
});
afterAll(async () => {
	await site?.close();
});

const gzipped = (text: string) => gzipSync(text, { level: 9 }).byteLength;
const fetchText = async (url: URL) => (await site.get(url.pathname)).text();

/** The page's scripts and every module they import, each once. */
async function scriptSources(html: string, base: URL): Promise<string[]> {
	const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
		(match) => match[1] ?? '',
	);
	const queue = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map(
		(match) => new URL(match[1]!, base),
	);
	const seen = new Map<string, string>();
	for (const source of inline) queue.push(...importsOf(source, base));
	while (queue.length > 0) {
		const url = queue.shift()!;
		if (seen.has(url.href)) continue;
		const source = await fetchText(url);
		seen.set(url.href, source);
		queue.push(...importsOf(source, url));
	}
	return [...inline, ...seen.values()];
}

function importsOf(source: string, base: URL): URL[] {
	return [...source.matchAll(/\bfrom\s*["']([^"']+)["']|\bimport\s*["']([^"']+)["']/g)].map(
		(match) => new URL((match[1] ?? match[2])!, base),
	);
}

async function styleSources(html: string, base: URL): Promise<string[]> {
	const inline = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map(
		(match) => match[1] ?? '',
	);
	const linked = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map(
		(match) => fetchText(new URL(match[1]!, base)),
	);
	return [...inline, ...(await Promise.all(linked))];
}

describe('the weight of /isr', () => {
	it('stays within the budgets: HTML ≤ 12 KB, JS ≤ 2 KB and CSS ≤ 8 KB gzipped', async () => {
		const base = new URL('/isr', site.url);
		const html = await (await site.get('/isr')).text();
		const scripts = await scriptSources(html, base);
		const styles = await styleSources(html, base);
		expect(scripts.length).toBeGreaterThan(0);
		expect(styles.length).toBeGreaterThan(0);
		const measured = {
			html: Buffer.byteLength(html),
			jsGzip: scripts.reduce((sum, source) => sum + gzipped(source), 0),
			cssGzip: styles.reduce((sum, source) => sum + gzipped(source), 0),
		};
		console.info(`/isr weight (bytes): ${JSON.stringify(measured)}`);
		expect(measured.html).toBeLessThanOrEqual(BUDGETS.html);
		expect(measured.jsGzip).toBeLessThanOrEqual(BUDGETS.jsGzip);
		expect(measured.cssGzip).toBeLessThanOrEqual(BUDGETS.cssGzip);
	});
});

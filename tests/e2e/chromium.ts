/**
 * Debian's Chromium (installed by `.ci/run`), driven by playwright-core; nothing is downloaded at
 * test time. The flags keep it headless, sandbox-free for root, and off the network it would
 * otherwise try to reach at start.
 */
import { type Browser, chromium } from 'playwright-core';

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

export function launchChromium(): Promise<Browser> {
	return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}

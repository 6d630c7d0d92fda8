import { describe, expect, it } from 'vitest';
import { createLogger, formatBanner, formatRequestLine } from '../log.ts';
import { readOutputDir } from '../output/read-output-dir.ts';
import { fixture } from './support/fixtures.ts';

const plain = (_style: unknown, text: string) => text;

describe('formatRequestLine', () => {
	it('shows method, path, status, cache status and duration', () => {
		const line = { method: 'GET', path: '/isr', status: 200, cache: 'HIT', ms: 3.25 };
		expect(formatRequestLine(line, plain)).toBe('GET    /isr 200 HIT 3.3 ms');
		expect(formatRequestLine({ ...line, cache: null, ms: 120.4 }, plain)).toBe(
			'GET    /isr 200 - 120 ms',
		);
	});
});

describe('request line colours', () => {
	it('paints each cache status in its own colour, and an unknown or absent one dim', () => {
		const tagged = (style: unknown, text: string) => `<${String(style)}>${text}`;
		const styles = ['HIT', 'PRERENDER', 'MISS', 'STALE', 'REVALIDATED', 'BYPASS', 'ODD', null].map(
			(cache) =>
				/\d{3} <(\w+)>/.exec(
					formatRequestLine({ method: 'GET', path: '/', status: 200, cache, ms: 1 }, tagged),
				)?.[1],
		);
		expect(styles).toEqual(['green', 'green', 'yellow', 'magenta', 'cyan', 'blue', 'dim', 'dim']);
	});

	it('colours through the terminal only: forced colour adds escape codes, plain adds none', () => {
		const line = { method: 'GET', path: '/isr', status: 200, cache: 'MISS', ms: 1 };
		const lines: string[] = [];
		createLogger({ write: (text) => lines.push(text), color: true }).request(line);
		createLogger({ write: (text) => lines.push(text), color: false }).request(line);
		expect(lines[0]).toContain('\u001b[33mMISS\u001b[39m');
		expect(lines[1]).toBe('GET    /isr 200 MISS 1.0 ms');
	});
});

describe('createLogger', () => {
	it('writes request lines without colour when asked, and nothing but problems when quiet', () => {
		const lines: string[] = [];
		const write = (line: string, stream: string) => lines.push(`${stream}: ${line}`);
		const line = { method: 'GET', path: '/', status: 404, cache: null, ms: 1 };
		createLogger({ write, color: false }).request(line);
		const quiet = createLogger({ write, color: false, quiet: true });
		quiet.request(line);
		quiet.info('banner');
		quiet.warn('careful');
		expect(lines).toEqual(['out: GET    / 404 - 1.0 ms', 'err: warning: careful']);
	});
});

describe('createLogger safety', () => {
	const PATH_TOKEN = '6f1c2a3e-0b1d-4c5e-8f9a-0123456789ab';
	const secrets = {
		values: [PATH_TOKEN],
		names: ['x_astro_path_token', '__prerender_bypass', 'x-prerender-revalidate'],
	};

	function recorded() {
		const lines: string[] = [];
		const logger = createLogger({ write: (line) => lines.push(line), color: false });
		logger.addSecrets?.(secrets);
		return { lines, logger };
	}

	it('redacts secrets in request lines, warnings, errors and info lines', () => {
		const { lines, logger } = recorded();
		const key = `isr:localhost/_isr?x_astro_path=/a&x_astro_path_token=${PATH_TOKEN}`;
		logger.request({
			method: 'GET',
			path: `/_isr?x_astro_path_token=${PATH_TOKEN}`,
			status: 200,
			cache: 'HIT',
			ms: 1,
		});
		logger.warn(`regeneration of ${key} failed: status 500`);
		logger.error(`GET ${key} failed`, new Error(`render of ${PATH_TOKEN} failed`));
		logger.info(`cookie __prerender_bypass=abc\nx-prerender-revalidate: def`);
		expect(lines.join('\n')).not.toContain(PATH_TOKEN);
		expect(lines.join('\n')).not.toMatch(/abc|def/);
		expect(lines[0]).toBe('GET    /_isr?x_astro_path_token=[redacted] 200 HIT 1.0 ms');
		expect(lines[1]).toBe(
			'warning: regeneration of isr:localhost/_isr?x_astro_path=/a&x_astro_path_token=[redacted] failed: status 500',
		);
		expect(lines[2].split('\n').slice(0, 2)).toEqual([
			'GET isr:localhost/_isr?x_astro_path=/a&x_astro_path_token=[redacted] failed',
			'Error: render of [redacted] failed',
		]);
	});

	it('escapes ESC, CR/LF and NUL in every kind of line', () => {
		const { lines, logger } = recorded();
		const hostile = '/\u001b[2J\r\nGET    /forged 200 HIT\u0000';
		logger.request({ method: 'GET', path: hostile, status: 404, cache: null, ms: 1 });
		logger.warn(`regeneration of ${hostile} failed`);
		logger.error(`GET ${hostile} failed`, new Error(`no page ${hostile}`));
		logger.error('rejected', hostile);
		logger.info(hostile);
		const printed = lines.join('\n');
		for (const char of ['\u0000', '\u001b', '\r']) expect(printed).not.toContain(char);
		expect(lines[0]).toBe('GET    /\\x1b[2J\\r\\nGET    /forged 200 HIT\\x00 404 - 1.0 ms');
		// Only the line breaks between an error's stack frames are kept.
		const errorLines = lines[2].split('\n');
		expect(errorLines[1]).toBe('Error: no page /\\x1b[2J\\r\\nGET    /forged 200 HIT\\x00');
		expect(errorLines.slice(2).every((line) => line.trimStart().startsWith('at '))).toBe(true);
	});
});

describe('formatBanner', () => {
	it('lists the URL, the output folder and the public routes of each prerender output', async () => {
		const output = await readOutputDir(fixture('prerender'));
		const banner = formatBanner('http://localhost:4321', {
			...output,
			displayDir: 'fixtures/prerender',
		});
		expect(banner).toBe(
			[
				'Vercel runtime ready at http://localhost:4321',
				'  output  fixtures/prerender (2 static files, 1 function, 2 prerender functions)',
				'  ISR     /blog/:slug → /blog/post (60 s)',
				'  ISR     /forever/:slug → /blog/post-2 (until revalidated)',
			].join('\n'),
		);
	});
});

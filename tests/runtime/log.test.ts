import { describe, expect, it } from 'vitest';
import { createLogger, formatBanner, formatRequestLine } from '../../runtime/log.ts';
import { readOutputDir } from '../../runtime/output/read-output-dir.ts';
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

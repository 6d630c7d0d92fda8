import { describe, expect, it } from 'vitest';
import { createRedactor, escapeControl, logSecretsOf } from '../log-safety.ts';
import type { PrerenderFunction } from '../output/types.ts';

const PATH_TOKEN = '6f1c2a3e-0b1d-4c5e-8f9a-0123456789ab';
const BYPASS_TOKEN = 'bypass-token-for-the-log-tests-0123456789';

const output = {
	routes: [
		{ src: '^/old$', headers: { Location: '/new' }, status: 301 },
		{ src: '^(/blog/.*)$', dest: `/_isr?x_astro_path=$1&x_astro_path_token=${PATH_TOKEN}` },
		{ src: '^/lang$', dest: '/page?lang=en' },
	],
	prerenders: [
		{ prerender: { outputPath: '/_isr', config: { expiration: 60, bypassToken: BYPASS_TOKEN } } },
	] as unknown as PrerenderFunction[],
};

describe('logSecretsOf', () => {
	it('collects bypass tokens and the fixed values of token parameters in route dests', () => {
		const secrets = logSecretsOf(output);
		expect(secrets.values.toSorted()).toEqual([BYPASS_TOKEN, PATH_TOKEN].toSorted());
		expect(secrets.names).toEqual(
			expect.arrayContaining([
				'__prerender_bypass',
				'x-prerender-revalidate',
				'x_astro_path_token',
			]),
		);
		expect(secrets.names).not.toContain('lang');
	});
});

describe('createRedactor', () => {
	const redact = createRedactor(logSecretsOf(output));

	it('redacts the path token in cache keys and request paths, whatever its value', () => {
		expect(redact(`isr:localhost:4321/_isr?x_astro_path=/a&x_astro_path_token=${PATH_TOKEN}`)).toBe(
			'isr:localhost:4321/_isr?x_astro_path=/a&x_astro_path_token=[redacted]',
		);
		expect(redact('/_isr?x_astro_path_token=guess&x=1')).toBe(
			'/_isr?x_astro_path_token=[redacted]&x=1',
		);
	});

	it('redacts bypass tokens, bypass cookies and revalidate headers anywhere in a text', () => {
		expect(redact(`threw bad token ${BYPASS_TOKEN}.`)).toBe('threw bad token [redacted].');
		expect(redact('cookie: a=1; __prerender_bypass=visitor-value; b=2')).toBe(
			'cookie: a=1; __prerender_bypass=[redacted]; b=2',
		);
		expect(redact('{"x-prerender-revalidate":"abc123"} x-prerender-revalidate: def')).toBe(
			'{"x-prerender-revalidate":"[redacted]"} x-prerender-revalidate: [redacted]',
		);
	});

	it('leaves ordinary text and short fixed parameters alone', () => {
		expect(redact('GET /page?lang=en 200')).toBe('GET /page?lang=en 200');
	});
});

describe('escapeControl', () => {
	it('writes ESC, CR, LF, NUL, DEL, C1 and bidi controls as escapes', () => {
		expect(escapeControl('a\u001b[2Jb\r\nc\u0000d\u007fe\u009b31mf\u202eg\th')).toBe(
			'a\\x1b[2Jb\\r\\nc\\x00d\\x7fe\\x9b31mf\\u202eg\\th',
		);
	});

	it('keeps printable text, including non-ASCII letters', () => {
		expect(escapeControl('/blog/héllo 日本')).toBe('/blog/héllo 日本');
	});
});

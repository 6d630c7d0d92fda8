import { describe, expect, it } from 'vitest';
import {
	DEFAULT_EXPIRATION_SECONDS,
	generateBypassToken,
	IsrConfigError,
	MIN_BYPASS_TOKEN_LENGTH,
	resolveIsrConfig,
} from '../../../src/isr/config.ts';

const GOOD_TOKEN = 'a'.repeat(MIN_BYPASS_TOKEN_LENGTH);

function errorOf(env: Record<string, string>): string {
	try {
		resolveIsrConfig(env);
	} catch (error) {
		expect(error).toBeInstanceOf(IsrConfigError);
		return (error as Error).message;
	}
	throw new Error('expected resolveIsrConfig to throw');
}

describe('resolveIsrConfig', () => {
	it('defaults to a 60-second expiration and a generated token', () => {
		const config = resolveIsrConfig({}, () => 'generated-token-'.padEnd(43, 'x'));
		expect(config.expiration).toBe(DEFAULT_EXPIRATION_SECONDS);
		expect(DEFAULT_EXPIRATION_SECONDS).toBe(60);
		expect(config.bypassToken).toBe('generated-token-'.padEnd(43, 'x'));
		expect(config.bypassTokenSource).toBe('generated');
	});

	it('treats empty variables as unset', () => {
		const config = resolveIsrConfig({ ISR_EXPIRATION: '', ISR_BYPASS_TOKEN: '' });
		expect(config.expiration).toBe(60);
		expect(config.bypassTokenSource).toBe('generated');
	});

	it('reads whole seconds and "false" from ISR_EXPIRATION', () => {
		expect(resolveIsrConfig({ ISR_EXPIRATION: '1' }).expiration).toBe(1);
		expect(resolveIsrConfig({ ISR_EXPIRATION: ' 3600 ' }).expiration).toBe(3600);
		expect(resolveIsrConfig({ ISR_EXPIRATION: 'false' }).expiration).toBe(false);
	});

	it.each(['0', '-5', '1.5', '60s', 'true', 'never', '1e3', '99999999999999999999'])(
		'rejects ISR_EXPIRATION=%s naming the variable, the value and what is allowed',
		(value) => {
			const message = errorOf({ ISR_EXPIRATION: value });
			expect(message).toContain('ISR_EXPIRATION');
			expect(message).toContain(JSON.stringify(value));
			expect(message).toContain('whole number of seconds ≥ 1');
			expect(message).toContain('"false"');
		},
	);

	it('uses ISR_BYPASS_TOKEN when it is long enough and URL-safe', () => {
		const config = resolveIsrConfig({ ISR_BYPASS_TOKEN: GOOD_TOKEN });
		expect(config.bypassToken).toBe(GOOD_TOKEN);
		expect(config.bypassTokenSource).toBe('env');
	});

	it('rejects a short token with its length and the minimum, without echoing it', () => {
		const short = 'short-secret-1234';
		const message = errorOf({ ISR_BYPASS_TOKEN: short });
		expect(message).toContain('ISR_BYPASS_TOKEN');
		expect(message).toContain(`${short.length} characters`);
		expect(message).toContain('at least 32');
		expect(message).not.toContain(short);
	});

	it.each([
		['a space', `${'a'.repeat(31)} b`],
		['a CR/LF', `${'a'.repeat(32)}\r\nx`],
		['a semicolon', `${'a'.repeat(32)};`],
		['non-ASCII', `${'a'.repeat(32)}é`],
	])('rejects a token containing %s as not URL- and header-safe', (_, token) => {
		const message = errorOf({ ISR_BYPASS_TOKEN: token });
		expect(message).toContain('not safe in a URL or an HTTP header');
		expect(message).not.toContain(token);
	});

	it('reads the public revalidation cooldown from REVALIDATE_COOLDOWN_SECONDS, 10 s by default', () => {
		expect(resolveIsrConfig({}).publicRevalidateCooldownSeconds).toBe(10);
		expect(
			resolveIsrConfig({ REVALIDATE_COOLDOWN_SECONDS: '3' }).publicRevalidateCooldownSeconds,
		).toBe(3);
	});

	it.each(['0', '2.5', 'soon'])('rejects REVALIDATE_COOLDOWN_SECONDS=%s', (value) => {
		const message = errorOf({ REVALIDATE_COOLDOWN_SECONDS: value });
		expect(message).toContain(
			`REVALIDATE_COOLDOWN_SECONDS=${JSON.stringify(value)} is not allowed`,
		);
		expect(message).toContain('whole number of seconds ≥ 1');
	});

	it('reports every problem at once', () => {
		const message = errorOf({ ISR_EXPIRATION: 'soon', ISR_BYPASS_TOKEN: 'x' });
		expect(message).toContain('ISR_EXPIRATION');
		expect(message).toContain('ISR_BYPASS_TOKEN');
	});

	it('excludes every API route, every admin page and /ssr from ISR', () => {
		const { exclude } = resolveIsrConfig({});
		const excluded = (pattern: string) =>
			exclude.some((entry) => (entry instanceof RegExp ? entry.test(pattern) : entry === pattern));
		expect(excluded('/api/revalidate')).toBe(true);
		expect(excluded('/api/[...rest]')).toBe(true);
		expect(excluded('/ssr')).toBe(true);
		expect(excluded('/isr')).toBe(false);
		expect(excluded('/apiary')).toBe(false);
		expect(excluded('/admin')).toBe(true);
		expect(excluded('/admin/posts/[id]')).toBe(true);
		expect(excluded('/administer')).toBe(false);
	});
});

describe('generateBypassToken', () => {
	it('makes 256-bit, URL-safe tokens that differ every time', () => {
		const a = generateBypassToken();
		const b = generateBypassToken();
		expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(Buffer.from(a, 'base64url')).toHaveLength(32);
		expect(a).not.toBe(b);
		expect(resolveIsrConfig({ ISR_BYPASS_TOKEN: a }).bypassToken).toBe(a);
	});
});

import { describe, expect, it } from 'vitest';
import { RevalidateError } from '../../../src/revalidate/errors.ts';
import {
	isLoopback,
	isTrustedHost,
	parseHostList,
	revalidationTargets,
} from '../../../src/revalidate/hosts.ts';

const deployed = {
	VERCEL: '1',
	VERCEL_ENV: 'production',
	VERCEL_URL: 'site-abc123.vercel.app',
	VERCEL_BRANCH_URL: 'site-git-main.vercel.app',
	VERCEL_PROJECT_PRODUCTION_URL: 'example.com',
	REVALIDATE_HOSTS: 'www.example.com, https://blog.example.com',
};
const local = { VERCEL: '1', VERCEL_URL: 'localhost:4321' };

const url = (href: string) => new URL(href);

describe('isTrustedHost', () => {
	it.each([
		'https://site-abc123.vercel.app/api/revalidate',
		'https://site-git-main.vercel.app/api/revalidate',
		'https://example.com/api/revalidate',
		'https://www.example.com/api/revalidate',
		'https://blog.example.com/api/revalidate',
		'https://WWW.Example.COM/api/revalidate',
	])('trusts %s, one of the deployment domains', (href) => {
		expect(isTrustedHost(url(href), deployed)).toBe(true);
	});

	it.each([
		'https://evil.com/api/revalidate',
		'https://example.com.evil.com/api/revalidate',
		'https://evilexample.com/api/revalidate',
		'https://example.com:8443/api/revalidate',
		'http://localhost:4321/api/revalidate',
		'http://127.0.0.1/api/revalidate',
	])('does not trust %s when deployed', (href) => {
		expect(isTrustedHost(url(href), deployed)).toBe(false);
	});

	it.each([
		'http://localhost:4321/',
		'http://127.0.0.1:8080/',
		'http://127.9.9.9/',
		'http://[::1]:3000/',
	])('trusts the loopback address %s when not deployed', (href) => {
		expect(isTrustedHost(url(href), {})).toBe(true);
	});

	it('trusts its exact host and port in the local runtime, which sets VERCEL=1 with a loopback VERCEL_URL', () => {
		expect(isTrustedHost(url('http://localhost:4321/'), local)).toBe(true);
		expect(isTrustedHost(url('http://LOCALHOST:4321/'), local)).toBe(true);
	});

	it.each([
		'http://127.0.0.1:4321/',
		'http://127.0.0.2:4321/',
		'http://[::1]:4321/',
		'http://localhost.:4321/',
	])(
		'does not trust %s in the local runtime: another loopback name on the same port may be another process',
		(href) => {
			expect(isTrustedHost(url(href), local)).toBe(false);
			expect(isTrustedHost(url(href), { VERCEL: '1', VERCEL_URL: '127.0.0.1:4321' })).toBe(
				href === 'http://127.0.0.1:4321/',
			);
		},
	);

	it('trusts only its own port in the local runtime, so a forged Host cannot reach another local process', () => {
		expect(isTrustedHost(url('http://localhost:9999/'), local)).toBe(false);
		expect(isTrustedHost(url('http://127.0.0.1:8080/'), local)).toBe(false);
		expect(isTrustedHost(url('http://localhost/'), local)).toBe(false);
	});

	it('trusts nothing else when not deployed and nothing is configured', () => {
		expect(isTrustedHost(url('http://evil.com/'), {})).toBe(false);
		expect(isTrustedHost(url('http://localhost.evil.com/'), {})).toBe(false);
		expect(isTrustedHost(url('http://127.0.0.1.evil.com/'), local)).toBe(false);
	});
});

describe('revalidationTargets', () => {
	it('never sends the local token to the production domain, even with VERCEL_ENV=production', () => {
		const env = {
			...local,
			VERCEL_ENV: 'production',
			VERCEL_PROJECT_PRODUCTION_URL: 'example.com',
		};
		expect(revalidationTargets(url('http://localhost:4321/api/revalidate'), env)).toEqual([
			{ origin: 'http://localhost:4321', host: 'localhost:4321' },
		]);
	});

	it('revalidates on the request host first, then the production domain and REVALIDATE_HOSTS', () => {
		expect(
			revalidationTargets(url('https://site-abc123.vercel.app/api/revalidate'), deployed),
		).toEqual([
			{ origin: 'https://site-abc123.vercel.app', host: 'site-abc123.vercel.app' },
			{ origin: 'https://example.com', host: 'example.com' },
			{ origin: 'https://www.example.com', host: 'www.example.com' },
			{ origin: 'https://blog.example.com', host: 'blog.example.com' },
		]);
	});

	it('lists each host once', () => {
		const targets = revalidationTargets(url('https://www.example.com/api/revalidate'), deployed);
		expect(targets.map((target) => target.host)).toEqual([
			'www.example.com',
			'example.com',
			'blog.example.com',
		]);
	});

	it('leaves the production domain alone on a preview deployment, which has its own cache', () => {
		const preview = { ...deployed, VERCEL_ENV: 'preview', REVALIDATE_HOSTS: undefined };
		expect(
			revalidationTargets(url('https://site-git-main.vercel.app/api/revalidate'), preview),
		).toEqual([{ origin: 'https://site-git-main.vercel.app', host: 'site-git-main.vercel.app' }]);
	});

	it.each([
		'http://www.example.com/api/revalidate',
		'http://example.com/api/revalidate',
		'http://site-abc123.vercel.app/api/revalidate',
	])('contacts the request host %s over https, whatever scheme the request came in on', (href) => {
		const [own] = revalidationTargets(url(href), deployed);
		expect(own?.origin).toBe(`https://${new URL(href).host}`);
	});

	it('contacts REVALIDATE_HOSTS over https from the local runtime', () => {
		const env = { ...local, REVALIDATE_HOSTS: 'www.example.com,https://blog.example.com' };
		expect(revalidationTargets(url('http://localhost:4321/api/revalidate'), env)).toEqual([
			{ origin: 'http://localhost:4321', host: 'localhost:4321' },
			{ origin: 'https://www.example.com', host: 'www.example.com' },
			{ origin: 'https://blog.example.com', host: 'blog.example.com' },
		]);
	});

	it('refuses a forged loopback Host in the local runtime before naming any target', () => {
		for (const host of ['127.0.0.2:4321', '[::1]:4321']) {
			expect(() => revalidationTargets(url(`http://${host}/api/revalidate`), local)).toThrow(
				RevalidateError,
			);
		}
	});

	it('keeps the request scheme and port for the local runtime', () => {
		expect(revalidationTargets(url('http://localhost:4321/api/revalidate'), local)).toEqual([
			{ origin: 'http://localhost:4321', host: 'localhost:4321' },
		]);
	});

	it('refuses a forged Host before naming any target', () => {
		expect(() => revalidationTargets(url('https://evil.com/api/revalidate'), deployed)).toThrow(
			RevalidateError,
		);
		try {
			revalidationTargets(url('https://evil.com/api/revalidate'), deployed);
		} catch (error) {
			expect((error as RevalidateError).code).toBe('untrusted_host');
			expect((error as RevalidateError).message).not.toContain('evil.com');
		}
	});
});

describe('parseHostList', () => {
	it('reads comma-separated hosts, with or without a scheme, ignoring blanks', () => {
		expect(
			parseHostList(' a.example.com ,, b.example.com:8080 ,https://C.example.com', 'X'),
		).toEqual([
			{ origin: 'https://a.example.com', host: 'a.example.com' },
			{ origin: 'https://b.example.com:8080', host: 'b.example.com:8080' },
			{ origin: 'https://c.example.com', host: 'c.example.com' },
		]);
		expect(parseHostList(undefined, 'X')).toEqual([]);
	});

	it('contacts configured hosts over https, loopback names included', () => {
		expect(parseHostList('localhost:4321', 'X')).toEqual([
			{ origin: 'https://localhost:4321', host: 'localhost:4321' },
		]);
	});

	it('refuses an http:// configured host, naming the variable and entry', () => {
		expect(() => parseHostList('ok.example.com,http://b.example.com', 'REVALIDATE_HOSTS')).toThrow(
			/REVALIDATE_HOSTS entry 2 asks for http:\/\//,
		);
	});

	it('contacts its own loopback VERCEL_URL (the local runtime) over http', () => {
		expect(parseHostList('localhost:4321', 'VERCEL_URL', 'own')).toEqual([
			{ origin: 'http://localhost:4321', host: 'localhost:4321' },
		]);
		expect(parseHostList('site-abc.vercel.app', 'VERCEL_URL', 'own')).toEqual([
			{ origin: 'https://site-abc.vercel.app', host: 'site-abc.vercel.app' },
		]);
	});

	it.each([
		'example.com/path',
		'user@example.com',
		'example.com?x',
		'exa mple.com',
		'ftp://example.com',
	])('refuses %s as a misconfiguration, naming the variable and entry', (entry) => {
		try {
			parseHostList(`ok.example.com,${entry}`, 'REVALIDATE_HOSTS');
			expect.unreachable();
		} catch (error) {
			expect((error as RevalidateError).code).toBe('misconfigured');
			expect((error as RevalidateError).message).toContain('REVALIDATE_HOSTS entry 2');
		}
	});
});

describe('isLoopback', () => {
	it.each(['localhost', 'LOCALHOST', '127.0.0.1', '127.255.0.3', '[::1]'])(
		'counts %s as loopback',
		(name) => {
			expect(isLoopback(name)).toBe(true);
		},
	);

	it.each(['localhost.evil.com', '128.0.0.1', '10.0.0.1', '[::2]', '0.0.0.0', 'example.com'])(
		'does not count %s as loopback',
		(name) => {
			expect(isLoopback(name)).toBe(false);
		},
	);
});

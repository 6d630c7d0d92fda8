import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCliOptions, serve } from '../cli.ts';
import { silentLogger } from '../log.ts';
import { fixture } from './support/fixtures.ts';

describe('parseCliOptions', () => {
	it('defaults to localhost:4321 and .vercel/output', () => {
		expect(parseCliOptions([], {})).toEqual({
			port: 4321,
			host: 'localhost',
			dir: '.vercel/output',
			maxCacheBytes: undefined,
			publicHost: undefined,
			quiet: false,
			help: false,
		});
	});

	it('reads PORT, HOST and ISR_RUNTIME_MAX_CACHE_BYTES, flags winning', () => {
		const env = { PORT: '3000', HOST: '0.0.0.0', ISR_RUNTIME_MAX_CACHE_BYTES: '1000' };
		expect(parseCliOptions([], env)).toMatchObject({
			port: 3000,
			host: '0.0.0.0',
			maxCacheBytes: 1000,
		});
		const flags = ['--port', '4399', '--max-cache-bytes', '2048', '--dir', 'out', '--quiet'];
		expect(parseCliOptions(flags, env)).toMatchObject({
			port: 4399,
			host: '0.0.0.0',
			dir: 'out',
			maxCacheBytes: 2048,
			quiet: true,
		});
	});

	it('names the flag or variable that is not a valid number', () => {
		expect(() => parseCliOptions(['--port', 'http'], {})).toThrow(
			'--port must be a whole number from 0 to 65535, got "http"',
		);
		expect(() => parseCliOptions([], { PORT: '70000' })).toThrow('PORT must be a whole number');
		expect(() => parseCliOptions([], { ISR_RUNTIME_MAX_CACHE_BYTES: '0' })).toThrow(
			'ISR_RUNTIME_MAX_CACHE_BYTES must be a whole number from 1',
		);
	});

	it('rejects unknown flags', () => {
		expect(() => parseCliOptions(['--prot', '1'], {})).toThrow(/Unknown option '--prot'/);
	});
});

describe('serve', () => {
	it('gives functions the host and the port actually bound as VERCEL_URL', async () => {
		const options = parseCliOptions(['--port', '0', '--host', '127.0.0.1', '--quiet'], {});
		const { runtime, server } = await serve(
			{ ...options, dir: fixture('functions') },
			silentLogger,
			join(tmpdir(), 'no-such-project'),
		);
		const response = await fetch(`${server.url}/env`);
		const { VERCEL_URL } = (await response.json()) as Record<string, string>;
		expect(server.url).toBe(`http://${VERCEL_URL}`);
		expect(VERCEL_URL).toMatch(/^127\.0\.0\.1:[1-9]\d*$/);
		await server.close();
		await runtime.close();
	});

	it('gives functions the host named by --public-host, the proxy in front of it, as VERCEL_URL', async () => {
		const options = parseCliOptions(
			['--port', '0', '--host', '127.0.0.1', '--public-host', 'localhost:4321', '--quiet'],
			{},
		);
		const { runtime, server } = await serve(
			{ ...options, dir: fixture('functions') },
			silentLogger,
			join(tmpdir(), 'no-such-project'),
		);
		const response = await fetch(`${server.url}/env`);
		const { VERCEL_URL } = (await response.json()) as Record<string, string>;
		expect(VERCEL_URL).toBe('localhost:4321');
		await server.close();
		await runtime.close();
	});
});

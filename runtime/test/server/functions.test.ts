import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../log.ts';
import { createClient, TRANSPORTS, type Client } from '../support/clients.ts';
import { fixture } from '../support/fixtures.ts';

function recordingLogger(): Logger & { errors: string[]; warnings: string[] } {
	const errors: string[] = [];
	const warnings: string[] = [];
	return {
		errors,
		warnings,
		request: () => undefined,
		info: () => undefined,
		warn: (message) => warnings.push(message),
		error: (message, error) => errors.push(`${message}: ${(error as Error)?.message}`),
	};
}

describe.each(TRANSPORTS)('functions fixture (%s)', (transport) => {
	let client: Client;
	const logger = recordingLogger();
	beforeAll(async () => {
		client = await createClient(transport, { outputDir: fixture('functions'), logger });
	});
	afterAll(() => client.close());

	it('dispatches named method exports and answers 405 for the others', async () => {
		expect(await (await client.fetch('/methods')).text()).toBe('got');
		const posted = await client.fetch('/methods', { method: 'POST', body: 'x' });
		expect(posted.status).toBe(201);
		expect(await posted.text()).toBe('posted x');
		const put = await client.fetch('/methods', { method: 'PUT' });
		expect(put.status).toBe(405);
		expect(put.headers.get('allow')).toBe('GET, POST');
	});

	it('runs a (req, res) handler with the body, URL and separate Set-Cookie headers', async () => {
		const response = await client.fetch('/node?x=1', { method: 'POST', body: 'payload' });
		expect(response.status).toBe(201);
		expect(response.headers.getSetCookie()).toEqual(['first=1; Path=/', 'second=2; Path=/']);
		expect(await response.json()).toMatchObject({
			method: 'POST',
			url: '/node?x=1',
			body: 'payload',
		});
	});

	it('unwraps a handler nested under default', async () => {
		expect(await (await client.fetch('/nested')).text()).toBe('nested');
	});

	it.each(['/throws', '/rejects', '/not-response', '/no-handler', '/edge'])(
		'answers 500 FUNCTION_INVOCATION_FAILED when %s cannot answer, and keeps serving',
		async (path) => {
			const response = await client.fetch(path);
			expect(response.status).toBe(500);
			expect(response.headers.get('x-vercel-error')).toBe('FUNCTION_INVOCATION_FAILED');
			expect((await client.fetch('/nested')).status).toBe(200);
		},
	);

	it('logs why a function crashed', () => {
		expect(logger.errors).toEqual(
			expect.arrayContaining([
				'GET /throws failed: fixture function threw',
				'GET /rejects failed: fixture function rejected',
				'GET /not-response failed: Function /not-response returned string instead of a Response',
			]),
		);
		expect(logger.warnings).toEqual([
			'functions/edge.func uses runtime "edge", which the local runtime cannot run; requests to it answer 500',
		]);
	});
});

describe('function environment and background work', () => {
	afterEach(() => {
		vi.unstubAllEnvs();
	});

	it('gives functions VERCEL=1, VERCEL_ENV=production, VERCEL_URL and their .vc-config.json environment', async () => {
		vi.stubEnv('VERCEL_ENV', undefined);
		const client = await createClient('in-process', {
			outputDir: fixture('functions'),
			publicHost: 'localhost:4399',
		});
		expect(await (await client.fetch('/env')).json()).toEqual({
			VERCEL: '1',
			VERCEL_ENV: 'production',
			VERCEL_URL: 'localhost:4399',
			FIXTURE_FUNCTION_ENV: 'from .vc-config.json',
		});
		await client.close();
	});

	it('keeps @vercel/functions waitUntil work alive and awaits it on close', async () => {
		const gate = Promise.withResolvers<void>();
		const done = new Set<string>();
		Object.assign(globalThis, { __fixtureWaitUntilGate: { opened: gate.promise, done } });
		const client = await createClient('in-process', { outputDir: fixture('functions') });
		const response = await client.fetch('/wait-until?id=first');
		expect(await response.text()).toBe('accepted first');

		let closed = false;
		const closing = client.close().then(() => (closed = true));
		await new Promise((resolve) => setImmediate(resolve));
		expect(closed).toBe(false);
		gate.resolve();
		await closing;
		expect(done.has('first')).toBe(true);
	});
});

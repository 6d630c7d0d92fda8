import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../runtime/server.ts';

const servers: RunningServer[] = [];

async function serve(handle: (request: Request) => Promise<Response>): Promise<RunningServer> {
	const server = await startServer({ handle, port: 0, host: '127.0.0.1' });
	servers.push(server);
	return server;
}

afterEach(async () => {
	await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** A raw request, so the test controls the Host header. */
function getWithHost(url: string, host: string): Promise<string> {
	return new Promise((resolve, reject) => {
		httpRequest(url, { headers: { host } }, (res) => {
			let body = '';
			res.setEncoding('utf8');
			res.on('data', (chunk: string) => (body += chunk));
			res.on('end', () => resolve(body));
		})
			.on('error', reject)
			.end();
	});
}

describe('startServer', () => {
	it('builds the request URL from the Host header', async () => {
		const server = await serve(async (request) => new Response(request.url));
		expect(await getWithHost(`${server.url}/a?b=1`, 'example.test:8080')).toBe(
			'http://example.test:8080/a?b=1',
		);
	});

	it('keeps a path starting with // a path', async () => {
		const server = await serve(async (request) => new Response(request.url));
		expect(await getWithHost(`${server.url}//evil.test/x`, 'example.test')).toBe(
			'http://example.test//evil.test/x',
		);
	});

	it('streams the request body to the handler and the response body back', async () => {
		const server = await serve(async (request) => new Response(`got ${await request.text()}`));
		const response = await fetch(`${server.url}/`, { method: 'POST', body: 'payload' });
		expect(await response.text()).toBe('got payload');
	});

	it('sends response chunks as they are produced', async () => {
		let push: ReadableStreamDefaultController<Uint8Array> | undefined;
		const stream = new ReadableStream<Uint8Array>({ start: (controller) => (push = controller) });
		const server = await serve(async () => new Response(stream));
		const response = await fetch(server.url);
		const reader = (response.body as ReadableStream<Uint8Array>).getReader();
		push?.enqueue(new TextEncoder().encode('first'));
		expect(new TextDecoder().decode((await reader.read()).value)).toBe('first');
		push?.enqueue(new TextEncoder().encode('second'));
		push?.close();
		expect(new TextDecoder().decode((await reader.read()).value)).toBe('second');
		expect((await reader.read()).done).toBe(true);
	});

	it('keeps several Set-Cookie headers separate', async () => {
		const server = await serve(async () => {
			const headers = new Headers();
			headers.append('set-cookie', 'a=1; Path=/');
			headers.append('set-cookie', 'b=2; Path=/');
			return new Response('ok', { headers });
		});
		const response = await fetch(server.url);
		expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
	});

	it('answers HEAD without a body', async () => {
		const server = await serve(async () => new Response('body', { headers: { 'x-a': '1' } }));
		const response = await fetch(server.url, { method: 'HEAD' });
		expect(response.headers.get('x-a')).toBe('1');
		expect(await response.text()).toBe('');
	});

	it('answers 500 when the handler throws and keeps serving', async () => {
		let calls = 0;
		const server = await serve(async () => {
			calls += 1;
			if (calls === 1) throw new Error('boom');
			return new Response('fine');
		});
		expect((await fetch(server.url)).status).toBe(500);
		expect(await (await fetch(server.url)).text()).toBe('fine');
	});

	it('says which setting to change when the port is taken', async () => {
		const first = await serve(async () => new Response('first'));
		const port = Number(new URL(first.url).port);
		await expect(
			startServer({ handle: async () => new Response(''), port, host: '127.0.0.1' }),
		).rejects.toThrow(`Port ${port} is in use; set PORT or --port`);
	});

	it('lets a request in flight finish when closing, and refuses new ones', async () => {
		const started = Promise.withResolvers<void>();
		const release = Promise.withResolvers<void>();
		const server = await startServer({
			handle: async () => {
				started.resolve();
				await release.promise;
				return new Response('finished');
			},
			port: 0,
			host: '127.0.0.1',
		});
		const inFlight = fetch(server.url);
		await started.promise;
		const closing = server.close();
		await expect(fetch(server.url)).rejects.toThrow();
		release.resolve();
		expect(await (await inFlight).text()).toBe('finished');
		await closing;
	});
});

import { Agent, request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_DRAIN_BYTES, publicHost, startServer, type RunningServer } from '../../server.ts';

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

/** Sends `head` (request line and headers) over a socket and returns the whole raw answer. */
function rawRequest(server: RunningServer, head: string): Promise<string> {
	const { hostname, port } = new URL(server.url);
	return new Promise((resolve, reject) => {
		const socket = connect(Number(port), hostname, () => {
			socket.end(`${head}\r\nConnection: close\r\n\r\n`);
		});
		let answer = '';
		socket.setEncoding('utf8');
		socket.on('data', (chunk: string) => (answer += chunk));
		socket.on('end', () => resolve(answer));
		socket.on('error', reject);
	});
}

// With a content-length, so the raw answer ends with the body.
const echoUrl = async (request: Request) =>
	new Response(request.url, { headers: { 'content-length': String(request.url.length) } });

describe('startServer', () => {
	it('builds the request URL from the Host header', async () => {
		const server = await serve(async (request) => new Response(request.url));
		expect(await getWithHost(`${server.url}/a?b=1`, 'example.test:8080')).toBe(
			'http://example.test:8080/a?b=1',
		);
	});

	it.each(['a#', 'a/b', 'a?b', 'user@a', 'a b', 'a:1:2', 'a:99999'])(
		'answers 400 to Host: %s instead of letting it rewrite the URL',
		async (host) => {
			const server = await serve(echoUrl);
			const answer = await rawRequest(server, `GET /page HTTP/1.1\r\nHost: ${host}`);
			expect(answer).toMatch(/^HTTP\/1\.1 400 /);
			expect(answer).toContain('content-type: text/plain');
			expect(answer).not.toContain('http://');
		},
	);

	it('never hands the handler a raw control byte from the request target', async () => {
		const targets: string[] = [];
		const server = await serve(async (request) => {
			targets.push(new URL(request.url).pathname);
			return new Response('ok');
		});
		const raw = await rawRequest(server, 'GET /\u001b[2J HTTP/1.1\r\nHost: example.test');
		expect(raw).toMatch(/^HTTP\/1\.1 400 /);
		await rawRequest(server, 'GET /%1b[2J HTTP/1.1\r\nHost: example.test');
		expect(targets).toEqual(['/%1b[2J']);
	});

	it('accepts host names, IPv4 and bracketed IPv6 hosts with ports', async () => {
		const server = await serve(echoUrl);
		for (const host of ['example.test', 'my_app:3000', '10.0.0.1:80', '[::1]:4321']) {
			const answer = await rawRequest(server, `GET /page?q=1 HTTP/1.1\r\nHost: ${host}`);
			expect(answer).toMatch(/^HTTP\/1\.1 200 /);
			expect(answer.endsWith(`http://${host.replace(/:80$/, '')}/page?q=1`)).toBe(true);
		}
	});

	it("gives the function the connection as Vercel does, replacing a visitor's forwarding headers", async () => {
		const server = await serve(async (request) => {
			const names = ['x-forwarded-for', 'x-real-ip', 'x-forwarded-host', 'x-forwarded-proto'];
			const seen = JSON.stringify(names.map((name) => request.headers.get(name)));
			return new Response(seen, { headers: { 'content-length': String(seen.length) } });
		});
		const answer = await rawRequest(
			server,
			'GET /a HTTP/1.1\r\nHost: example.test\r\nX-Forwarded-For: 203.0.113.9\r\nX-Real-IP: 203.0.113.9\r\nX-Forwarded-Host: evil.example\r\nX-Forwarded-Proto: https',
		);
		expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual([
			'127.0.0.1',
			'127.0.0.1',
			'example.test',
			'http',
		]);
	});

	it('uses the listening address when a request has no Host', async () => {
		const server = await serve(echoUrl);
		const answer = await rawRequest(server, 'GET /page HTTP/1.0');
		expect(answer.endsWith(`${server.url}/page`)).toBe(true);
	});

	it('reads the host of an absolute-form request target, dropping credentials', async () => {
		const server = await serve(echoUrl);
		const answer = await rawRequest(
			server,
			'GET http://user:pw@proxied.test/x?y=1 HTTP/1.1\r\nHost: other.test',
		);
		expect(answer.endsWith('http://proxied.test/x?y=1')).toBe(true);
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

	it('sends bodies of known length whole, whether written at once or streamed', async () => {
		const small = new Uint8Array(10_000).fill(97);
		const large = new Uint8Array(100_000).fill(98);
		const server = await serve(async (request) => {
			const body = new URL(request.url).pathname === '/large' ? large : small;
			return new Response(new Blob([body]), {
				headers: { 'content-length': String(body.byteLength) },
			});
		});
		for (const [path, body] of [
			['/small', small],
			['/large', large],
		] as const) {
			const response = await fetch(`${server.url}${path}`);
			expect(response.headers.get('content-length')).toBe(String(body.byteLength));
			expect(Buffer.from(await response.arrayBuffer()).equals(body)).toBe(true);
		}
	});

	it('answers 500 when a body of known length fails before it is sent', async () => {
		const failing = new ReadableStream<Uint8Array>({
			pull: (controller) => controller.error(new Error('disk gone')),
		});
		const errors: unknown[] = [];
		const server = await startServer({
			handle: async () => new Response(failing, { headers: { 'content-length': '5' } }),
			port: 0,
			host: '127.0.0.1',
			onError: (error) => errors.push(error),
		});
		servers.push(server);
		expect((await fetch(server.url)).status).toBe(500);
		expect(errors).toHaveLength(1);
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

describe('publicHost', () => {
	const bound = (address: string, family = 'IPv4') => ({ address, family, port: 4321 });

	it('names a wildcard bind localhost, with the real port', () => {
		expect(publicHost('0.0.0.0', bound('0.0.0.0'))).toBe('localhost:4321');
		expect(publicHost('::', bound('::', 'IPv6'))).toBe('localhost:4321');
	});

	it('keeps a host name as given and brackets an IPv6 address', () => {
		expect(publicHost('localhost', bound('::1', 'IPv6'))).toBe('localhost:4321');
		expect(publicHost('::1', bound('::1', 'IPv6'))).toBe('[::1]:4321');
		expect(publicHost('127.0.0.1', bound('127.0.0.1'))).toBe('127.0.0.1:4321');
	});
});

/** Sends requests one after another over one keep-alive connection; resolves with each status. */
async function keepAliveStatuses(
	server: RunningServer,
	requests: readonly { method: string; path: string; body?: Uint8Array }[],
): Promise<(number | string)[]> {
	const agent = new Agent({ keepAlive: true, maxSockets: 1 });
	const statuses: (number | string)[] = [];
	try {
		for (const { method, path, body } of requests) {
			statuses.push(
				await new Promise<number | string>((resolve) => {
					const request = httpRequest(`${server.url}${path}`, { method, agent }, (res) => {
						res.resume();
						res.on('end', () => resolve(res.statusCode ?? 0));
					});
					request.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
					request.end(body);
				}),
			);
		}
	} finally {
		agent.destroy();
	}
	return statuses;
}

describe('startServer with a body it does not read to the end', () => {
	const body = new Uint8Array(2 * 1024 * 1024).fill(120);

	// A function answering 413 from Content-Length alone, or after reading a little.
	const earlyAnswer = async (request: Request): Promise<Response> => {
		if (new URL(request.url).pathname === '/partly') {
			const reader = (request.body as ReadableStream<Uint8Array>).getReader();
			await reader.read();
			await reader.cancel();
		}
		return new Response('413: too large\n', { status: request.method === 'POST' ? 413 : 200 });
	};

	it.each(['/unread', '/partly'])(
		'answers the next request on the same keep-alive connection after a 413 (%s)',
		async (path) => {
			const server = await serve(earlyAnswer);
			const statuses = await keepAliveStatuses(server, [
				{ method: 'POST', path, body },
				{ method: 'GET', path: '/next' },
			]);
			expect(statuses).toEqual([413, 200]);
		},
	);
});

describe('startServer with a body longer than it drains', () => {
	it('closes the connection after an early answer, and the next request gets a new one', async () => {
		const server = await serve(async (request) =>
			request.method === 'POST'
				? new Response('413: too large\n', { status: 413 })
				: new Response('next'),
		);
		const connection = await new Promise<string | undefined>((resolve) => {
			const request = httpRequest(`${server.url}/upload`, { method: 'POST' }, (res) => {
				res.resume();
				resolve(res.headers.connection);
			});
			// The server may stop reading before the body is sent.
			request.on('error', () => undefined);
			request.setHeader('content-length', String(MAX_DRAIN_BYTES + 1));
			request.write(new Uint8Array(64 * 1024));
			request.once('response', () => request.destroy());
		});
		expect(connection).toBe('close');
		expect(await (await fetch(`${server.url}/next`)).text()).toBe('next');
	});
});

describe('startServer when the client goes away', () => {
	it('reports one short line, not the stream error, when the client disconnects mid-response', async () => {
		const errors: unknown[] = [];
		const closed: string[] = [];
		const reported = Promise.withResolvers<void>();
		const chunk = new Uint8Array(64 * 1024).fill(97);
		const server = await startServer({
			handle: async () =>
				new Response(
					new ReadableStream<Uint8Array>({
						pull: (controller) => controller.enqueue(chunk),
					}),
				),
			port: 0,
			host: '127.0.0.1',
			onError: (error) => reported.resolve(void errors.push(error)),
			onClientClosed: ({ method, path }) => reported.resolve(void closed.push(`${method} ${path}`)),
		});
		servers.push(server);
		const { hostname, port } = new URL(server.url);
		const socket = connect(Number(port), hostname, () => {
			socket.write('GET /big?x=1 HTTP/1.1\r\nHost: example.test\r\n\r\n');
		});
		socket.once('data', () => socket.destroy());
		await reported.promise;
		expect(errors).toEqual([]);
		expect(closed).toEqual(['GET /big?x=1']);
	});
});

describe('startServer when a body stops because the client left', () => {
	it('reports the client leaving when a body of known length fails with the abort of its request', async () => {
		const errors: unknown[] = [];
		const closed: string[] = [];
		const reported = Promise.withResolvers<void>();
		const started = Promise.withResolvers<void>();
		const server = await startServer({
			handle: async (request) => {
				started.resolve();
				const body = new ReadableStream<Uint8Array>({
					start(controller) {
						controller.enqueue(new Uint8Array(1024).fill(97));
						request.signal.addEventListener('abort', () => controller.error(request.signal.reason));
					},
				});
				return new Response(body, { headers: { 'content-length': '4096' } });
			},
			port: 0,
			host: '127.0.0.1',
			onError: (error) => reported.resolve(void errors.push(error)),
			onClientClosed: ({ method, path }) => reported.resolve(void closed.push(`${method} ${path}`)),
		});
		servers.push(server);
		const { hostname, port } = new URL(server.url);
		const socket = connect(Number(port), hostname, () => {
			socket.write('GET /slow HTTP/1.1\r\nHost: example.test\r\n\r\n');
		});
		await started.promise;
		socket.destroy();
		await reported.promise;
		expect(errors).toEqual([]);
		expect(closed).toEqual(['GET /slow']);
	});
});

describe('startServer keep-alive', () => {
	it('keeps the connection open for requests without a body', async () => {
		const server = await serve(async () => new Response('ok'));
		const agent = new Agent({ keepAlive: true, maxSockets: 1 });
		const sockets = new Set<unknown>();
		for (let index = 0; index < 3; index += 1) {
			await new Promise<void>((resolve) => {
				const request = httpRequest(`${server.url}/`, { agent }, (res) => {
					expect(res.headers.connection).toBe('keep-alive');
					res.resume();
					res.on('end', resolve);
				});
				request.on('socket', (socket) => sockets.add(socket));
				request.end();
			});
		}
		agent.destroy();
		expect(sockets.size).toBe(1);
	});
});

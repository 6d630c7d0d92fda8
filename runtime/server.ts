/**
 * The only node:http file: serves a `(Request) => Promise<Response>` handler on a port. Bodies
 * stream both ways; `Set-Cookie` headers stay separate; close() lets requests in flight finish.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';

export interface StartServerOptions {
	readonly handle: (request: Request) => Promise<Response>;
	readonly port: number;
	readonly host: string;
	/** After close() starts, how long requests in flight may take before connections are cut. */
	readonly closeGraceMs?: number;
	/** Errors outside the handler (a broken connection while streaming); default: ignored. */
	readonly onError?: (error: unknown) => void;
}

export interface RunningServer {
	/** `http://localhost:4321` */
	readonly url: string;
	close(): Promise<void>;
}

function toRequest(req: IncomingMessage, res: ServerResponse, fallbackHost: string): Request {
	// The URL's host is the one the visitor asked for (Host header), as on Vercel. The path is
	// appended, not resolved, so `//x` stays a path.
	const target = req.url ?? '/';
	const origin = `http://${req.headers.host ?? fallbackHost}`;
	const url = new URL(target.startsWith('/') ? `${origin}${target}` : target);
	const headers = new Headers();
	for (let index = 0; index < req.rawHeaders.length; index += 2) {
		headers.append(req.rawHeaders[index], req.rawHeaders[index + 1]);
	}
	const controller = new AbortController();
	res.on('close', () => {
		if (!res.writableFinished) controller.abort();
	});
	const method = req.method ?? 'GET';
	const hasBody = method !== 'GET' && method !== 'HEAD';
	// Node needs `duplex` to read a streamed body; the DOM typings do not know it.
	const init: RequestInit & { duplex: 'half' } = {
		method,
		headers,
		body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : null,
		duplex: 'half',
		signal: controller.signal,
	};
	return new Request(url, init);
}

async function writeResponse(
	res: ServerResponse,
	response: Response,
	isHead: boolean,
	closing: boolean,
) {
	const headers: Record<string, string | string[]> = {};
	for (const [name, value] of response.headers) {
		if (name !== 'set-cookie') headers[name] = value;
	}
	const cookies = response.headers.getSetCookie();
	if (cookies.length > 0) headers['set-cookie'] = cookies;
	// While shutting down, the connection is not kept for another request.
	if (closing) res.shouldKeepAlive = false;
	res.writeHead(response.status, response.statusText || undefined, headers);
	if (response.body === null || isHead) {
		await response.body?.cancel();
		res.end();
		return;
	}
	// Headers go out before the first chunk, so a slow stream still starts at once.
	res.flushHeaders();
	await pipeline(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), res);
}

function formatUrl(address: AddressInfo, host: string): string {
	const name = host.includes(':') ? `[${host}]` : host;
	return `http://${name}:${address.port}`;
}

export function startServer(options: StartServerOptions): Promise<RunningServer> {
	const onError = options.onError ?? (() => undefined);
	const fallbackHost = `${options.host}:${options.port}`;
	let closing = false;
	const server = createServer(async (req, res) => {
		let request: Request;
		try {
			request = toRequest(req, res, fallbackHost);
		} catch {
			// e.g. a Host header that is not a host
			res.writeHead(400, { 'content-type': 'text/plain' }).end('400: BAD_REQUEST\n');
			return;
		}
		try {
			const response = await options.handle(request);
			await writeResponse(res, response, request.method === 'HEAD', closing);
		} catch (error) {
			onError(error);
			if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end('500\n');
			else res.destroy();
		}
	});

	const close = () =>
		new Promise<void>((resolve) => {
			closing = true;
			const timer = setTimeout(() => server.closeAllConnections(), options.closeGraceMs ?? 5000);
			server.close(() => {
				clearTimeout(timer);
				resolve();
			});
			server.closeIdleConnections();
		});

	return new Promise((resolve, reject) => {
		server.once('error', (error: NodeJS.ErrnoException) => {
			reject(
				error.code === 'EADDRINUSE'
					? new Error(`Port ${options.port} is in use; set PORT or --port`)
					: error,
			);
		});
		server.listen(options.port, options.host, () => {
			const url = formatUrl(server.address() as AddressInfo, options.host);
			resolve({ url, close });
		});
	});
}

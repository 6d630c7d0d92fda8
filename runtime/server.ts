/**
 * The only node:http file: serves a `(Request) => Promise<Response>` handler on a port. Bodies
 * stream both ways; `Set-Cookie` headers stay separate; close() lets requests in flight finish.
 * An optional `answer` is asked first, with no web objects built: what it returns (a stored
 * entry, a static file in memory) is written as it is.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { isIP, isIPv6, type AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { BAD_REQUEST, SERVER_FAILURE } from './output/platform-responses.ts';
import type { PlainAnswer } from './cache/answer.ts';
import type { ServerRequest } from './handler.ts';
import type { HeaderReader } from './header-reader.ts';
import { requestWithBody } from './web-request.ts';
import {
	FORWARDED_FOR_HEADER,
	FORWARDED_HOST_HEADER,
	FORWARDED_PROTO_HEADER,
	REAL_IP_HEADER,
} from './wire.ts';

export interface StartServerOptions {
	readonly handle: (request: Request) => Promise<Response>;
	/** Asked before `handle`; its answer is written directly, and undefined goes to `handle`. */
	readonly answer?: (request: ServerRequest) => PlainAnswer | undefined;
	readonly port: number;
	readonly host: string;
	/** After close() starts, how long requests in flight may take before connections are cut. */
	readonly closeGraceMs?: number;
	/** Errors outside the handler (a response body that fails while streaming); default: ignored. */
	readonly onError?: (error: unknown) => void;
	/** A client that closed its connection before the whole response was sent; default: ignored. */
	readonly onClientClosed?: (request: { readonly method: string; readonly path: string }) => void;
}

export interface RunningServer {
	/** `http://localhost:4321` */
	readonly url: string;
	/** `localhost:4321`: the host and port visitors use, e.g. for `VERCEL_URL`. */
	readonly host: string;
	close(): Promise<void>;
}

// host[:port] or [IPv6]:port. Anything else would be read as part of the URL: `a#` or `a?` empties
// the path, `a/b` prefixes it, `u@a` adds credentials.
const HOST_GRAMMAR = /^(?:[A-Za-z0-9._-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * Request body bytes read and discarded after an answer that did not read the whole body (a 413
 * from `Content-Length`), so the client can finish sending and reuse the connection. A longer
 * body gets `Connection: close` instead. Just above Vercel's 4.5 MB request body limit:
 * https://vercel.com/docs/functions/limitations#request-body-size
 */
export const MAX_DRAIN_BYTES = 5 * 1024 * 1024;

/**
 * Bodies of at most this size that announce their length are read and sent with the headers in
 * one write. Measured (server CPU per request, Blob bodies): 2 KiB −35 %, 16 KiB −15 %, but from
 * 32 KiB on, reading the whole body first costs more than streaming it.
 */
const ONE_WRITE_MAX_BYTES = 16 * 1024;

const WILDCARD_ADDRESSES = new Set(['0.0.0.0', '::']);

/**
 * How visitors reach a server asked to bind `requested`: a host name as given, an IP address as
 * bound, a wildcard bind (`0.0.0.0`, `::`) as `localhost`; with the real port.
 */
export function publicHost(requested: string, bound: AddressInfo): string {
	let name = isIP(requested) === 0 ? requested : bound.address;
	if (WILDCARD_ADDRESSES.has(bound.address)) name = 'localhost';
	return `${isIPv6(name) ? `[${name}]` : name}:${bound.port}`;
}

/**
 * The URL the visitor asked for: the Host header (as on Vercel) or, without one, the server's own
 * host. Undefined when the host is not a host. The path is appended, not resolved, so `//x` stays
 * a path.
 */
function requestUrl(target: string, hostHeader: string | undefined, ownHost: string) {
	let host = hostHeader || ownHost;
	let path = target;
	if (!target.startsWith('/')) {
		// absolute-form (`GET http://host/path`): its authority replaces Host (RFC 9112 §3.2.2).
		const absolute = URL.parse(target);
		if (absolute?.protocol !== 'http:' && absolute?.protocol !== 'https:') return undefined;
		host = absolute.host;
		path = `${absolute.pathname}${absolute.search}`;
	}
	if (!HOST_GRAMMAR.test(host)) return undefined;
	return URL.parse(`http://${host}${path}`) ?? undefined;
}

/**
 * `req`'s body as a web stream that reads from the socket only when pulled. Unlike
 * `Readable.toWeb`, cancelling it leaves the socket alone, so what is left can be drained.
 */
function bodyStream(req: IncomingMessage): ReadableStream<Uint8Array> {
	let onData: ((chunk: Buffer) => void) | undefined;
	return new ReadableStream<Uint8Array>({
		start(controller) {
			req.pause();
			onData = (chunk) => {
				// A copy, as `Readable.toWeb` makes: the chunk may be a view of a pooled buffer.
				controller.enqueue(new Uint8Array(chunk));
				if ((controller.desiredSize ?? 0) <= 0) req.pause();
			};
			req.on('data', onData);
			req.once('end', () => onData !== undefined && controller.close());
			req.once('error', (error) => onData !== undefined && controller.error(error));
		},
		pull() {
			req.resume();
		},
		cancel() {
			req.off('data', onData as (chunk: Buffer) => void);
			onData = undefined;
			req.pause();
		},
	});
}

/**
 * After the response: reads and discards the rest of a body the handler did not read, so the
 * connection can carry the next request. Past `MAX_DRAIN_BYTES` the connection is closed. A
 * function still reading the body after its response was sent does not get the rest.
 */
function drainBody(req: IncomingMessage): void {
	if (req.complete || req.destroyed) return;
	req.removeAllListeners('data');
	let drained = 0;
	req.on('data', (chunk: Buffer) => {
		drained += chunk.byteLength;
		if (drained > MAX_DRAIN_BYTES) req.socket.destroy();
	});
	req.resume();
}

// What writing to a connection the client closed fails with.
const CLIENT_GONE_CODES = new Set([
	'ERR_STREAM_PREMATURE_CLOSE',
	'ERR_STREAM_DESTROYED',
	'ECONNRESET',
	'EPIPE',
]);

/** Whether `error` comes from the client closing: a broken write, or a body aborted by its signal. */
function isClientGone(error: unknown, signal: AbortSignal): boolean {
	const { code, name } = (error ?? {}) as NodeJS.ErrnoException;
	return CLIENT_GONE_CODES.has(code ?? '') || (name === 'AbortError' && signal.aborted);
}

/** Whether a request of `req` still has more body to come than the server will drain. */
function bodyTooLongToDrain(req: IncomingMessage): boolean {
	const declared = req.headers['content-length'];
	if (req.complete || (declared === undefined && req.headers['transfer-encoding'] === undefined)) {
		return false;
	}
	const length = Number(declared);
	return !Number.isSafeInteger(length) || length > MAX_DRAIN_BYTES;
}

/** `req`'s parsed headers read as `Headers` reads them, without building one. */
function headerReader(req: IncomingMessage): HeaderReader {
	const { headers } = req;
	return {
		get(name) {
			const value = headers[name.toLowerCase()];
			if (value === undefined) return null;
			return Array.isArray(value) ? value.join(', ') : value;
		},
		has: (name) => headers[name.toLowerCase()] !== undefined,
		keys: () => Object.keys(headers),
	};
}

/** The web Request for `req` at `url`, or undefined when a header cannot be one. */
/**
 * What Vercel's edge tells a function about the connection, replacing a visitor's own copies:
 * otherwise a visitor could pick the address that code keyed on the client (the editor's sign-in
 * throttle, through Astro's `clientAddress`) sees, which Vercel does not allow.
 *
 * @see https://vercel.com/docs/headers/request-headers
 */
function forwardedHeaders(req: IncomingMessage, url: URL): [string, string][] {
	// A dual-stack socket reports IPv4 clients as `::ffff:127.0.0.1`.
	const address = (req.socket.remoteAddress ?? '').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
	return [
		[FORWARDED_FOR_HEADER, address],
		[REAL_IP_HEADER, address],
		[FORWARDED_HOST_HEADER, url.host],
		[FORWARDED_PROTO_HEADER, url.protocol.slice(0, -1)],
	];
}

function toRequest(req: IncomingMessage, res: ServerResponse, url: URL) {
	const method = req.method ?? 'GET';
	const hasBody = method !== 'GET' && method !== 'HEAD';
	const controller = new AbortController();
	try {
		const headers = new Headers();
		for (let index = 0; index < req.rawHeaders.length; index += 2) {
			headers.append(req.rawHeaders[index], req.rawHeaders[index + 1]);
		}
		for (const [name, value] of forwardedHeaders(req, url)) headers.set(name, value);
		const body = hasBody ? bodyStream(req) : null;
		const request = requestWithBody(url, { method, headers, body, signal: controller.signal });
		res.on('close', () => {
			if (!res.writableFinished) controller.abort();
		});
		return request;
	} catch {
		return undefined;
	}
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
	const statusText = response.statusText || undefined;
	if (response.body === null || isHead) {
		await response.body?.cancel();
		res.writeHead(response.status, statusText, headers).end();
		return;
	}
	const length = response.headers.get('content-length');
	if (length !== null && Number(length) <= ONE_WRITE_MAX_BYTES) {
		// Answers from the caches that `answer` left to `handle` (a MISS, a STALE): in memory with a
		// known length. A body that fails before it is read still gets a 500.
		const body = Buffer.from(await response.arrayBuffer());
		res.writeHead(response.status, statusText, headers).end(body);
		return;
	}
	res.writeHead(response.status, statusText, headers);
	// A function's stream without a length may be slow to start: send the headers at once.
	// Otherwise they go out with the first chunk, saving a write.
	if (length === null) res.flushHeaders();
	await pipeline(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), res);
}

export function startServer(options: StartServerOptions): Promise<RunningServer> {
	const onError = options.onError ?? (() => undefined);
	// Known once listening, before the first request.
	let ownHost = '';
	let closing = false;
	const badRequest = (res: ServerResponse) =>
		res.writeHead(BAD_REQUEST.status, BAD_REQUEST.headers).end(BAD_REQUEST.body);
	const server = createServer(async (req, res) => {
		const url = requestUrl(req.url ?? '/', req.headers.host, ownHost);
		if (url === undefined) {
			badRequest(res);
			return;
		}
		const method = req.method ?? 'GET';
		const answer = options.answer?.({ method, url, headers: headerReader(req) });
		if (answer !== undefined) {
			// While shutting down, the connection is not kept for another request.
			if (closing) res.shouldKeepAlive = false;
			res.writeHead(answer.status, answer.headers as string[]).end(answer.body ?? undefined);
			drainBody(req);
			return;
		}
		const request = toRequest(req, res, url);
		if (request === undefined) {
			badRequest(res);
			return;
		}
		try {
			const response = await options.handle(request);
			// An early answer (a 413 from Content-Length) to a body longer than what is drained.
			if (bodyTooLongToDrain(req)) res.shouldKeepAlive = false;
			await writeResponse(res, response, request.method === 'HEAD', closing);
		} catch (error) {
			if (isClientGone(error, request.signal)) {
				const { pathname, search } = new URL(request.url);
				options.onClientClosed?.({ method: request.method, path: `${pathname}${search}` });
				return;
			}
			onError(error);
			if (!res.headersSent) {
				res.writeHead(SERVER_FAILURE.status, SERVER_FAILURE.headers).end(SERVER_FAILURE.body);
			} else res.destroy();
		} finally {
			drainBody(req);
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
			ownHost = publicHost(options.host, server.address() as AddressInfo);
			resolve({ url: `http://${ownHost}`, host: ownHost, close });
		});
	});
}

/**
 * Runs a Node.js `(req, res)` handler on a web Request: `req` is a Readable of the body with the
 * usual IncomingMessage fields, `res` a Writable with the ServerResponse header API, and the web
 * Response is produced when the handler first writes (or ends). Vercel's request/response helpers
 * (`req.query`, `res.json()`, …) are not added.
 *
 * Built on node:stream rather than node:http so that only server.ts speaks HTTP.
 *
 * @see https://vercel.com/docs/functions/runtimes/node-js#node.js-request-and-response-objects
 */
import { Readable, Writable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { NULL_BODY_STATUSES } from '../null-body-statuses.ts';

export type NodeListener = (req: IncomingMessageShim, res: ServerResponseShim) => unknown;

export interface IncomingMessageShim extends Readable {
	method: string;
	url: string;
	headers: Record<string, string | string[]>;
	rawHeaders: string[];
	httpVersion: string;
	httpVersionMajor: number;
	httpVersionMinor: number;
	socket: { remoteAddress: string; encrypted: boolean };
	connection: { remoteAddress: string; encrypted: boolean };
}

function createIncomingMessage(request: Request): IncomingMessageShim {
	const body = request.body
		? Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>)
		: Readable.from([]);
	const url = new URL(request.url);
	const headers: Record<string, string | string[]> = {};
	const rawHeaders: string[] = [];
	for (const [name, value] of request.headers) {
		headers[name] = value;
		rawHeaders.push(name, value);
	}
	const socket = { remoteAddress: '127.0.0.1', encrypted: url.protocol === 'https:' };
	return Object.assign(body, {
		method: request.method,
		url: `${url.pathname}${url.search}`,
		headers,
		rawHeaders,
		httpVersion: '1.1',
		httpVersionMajor: 1,
		httpVersionMinor: 1,
		socket,
		connection: socket,
	});
}

export class ServerResponseShim extends Writable {
	statusCode = 200;
	statusMessage = '';
	headersSent = false;
	readonly #headers = new Map<string, string | string[]>();
	readonly #isHead: boolean;
	readonly #onResponse: (response: Response) => void;
	readonly #onError: (error: unknown) => void;
	#controller: ReadableStreamDefaultController<Uint8Array> | undefined;

	constructor(
		isHead: boolean,
		onResponse: (response: Response) => void,
		onError: (error: unknown) => void,
	) {
		super();
		this.#isHead = isHead;
		this.#onResponse = onResponse;
		this.#onError = onError;
	}

	setHeader(name: string, value: string | number | readonly string[]): this {
		if (this.headersSent) throw new Error(`Cannot set header "${name}" after it was sent`);
		this.#headers.set(name.toLowerCase(), typeof value === 'object' ? [...value] : String(value));
		return this;
	}

	appendHeader(name: string, value: string | readonly string[]): this {
		const current = this.#headers.get(name.toLowerCase());
		const values = [current ?? [], value].flat();
		return this.setHeader(name, values);
	}

	getHeader(name: string): string | string[] | undefined {
		return this.#headers.get(name.toLowerCase());
	}

	getHeaders(): Record<string, string | string[]> {
		return Object.fromEntries(this.#headers);
	}

	getHeaderNames(): string[] {
		return [...this.#headers.keys()];
	}

	hasHeader(name: string): boolean {
		return this.#headers.has(name.toLowerCase());
	}

	removeHeader(name: string): void {
		this.#headers.delete(name.toLowerCase());
	}

	writeHead(
		statusCode: number,
		message?: string | Record<string, string | number | string[]>,
		headers?: Record<string, string | number | string[]>,
	): this {
		this.statusCode = statusCode;
		if (typeof message === 'string') this.statusMessage = message;
		const fields = typeof message === 'object' ? message : headers;
		for (const [name, value] of Object.entries(fields ?? {})) this.setHeader(name, value);
		return this;
	}

	flushHeaders(): void {
		this.#send();
	}

	override _write(chunk: Uint8Array, _encoding: BufferEncoding, callback: () => void): void {
		this.#send();
		this.#controller?.enqueue(chunk);
		callback();
	}

	override _final(callback: () => void): void {
		this.#send();
		this.#controller?.close();
		callback();
	}

	override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
		if (error) this.#controller?.error(error);
		callback(error);
	}

	#send(): void {
		if (this.headersSent) return;
		this.headersSent = true;
		const headers = new Headers();
		for (const [name, value] of this.#headers) {
			for (const item of [value].flat()) headers.append(name, item);
		}
		const hasBody = !this.#isHead && !NULL_BODY_STATUSES.has(this.statusCode);
		const body = hasBody
			? new ReadableStream<Uint8Array>({ start: (controller) => (this.#controller = controller) })
			: null;
		const init = { status: this.statusCode, statusText: this.statusMessage, headers };
		try {
			this.#onResponse(new Response(body, init));
		} catch (error) {
			// e.g. a status outside 200–599
			this.#onError(error);
		}
	}
}

/** Adapts a `(req, res)` listener to `(request) => Promise<Response>`. */
export function nodeListenerToFetch(
	listener: NodeListener,
): (request: Request) => Promise<Response> {
	return (request) =>
		new Promise<Response>((resolve, reject) => {
			const res = new ServerResponseShim(request.method === 'HEAD', resolve, reject);
			res.on('error', reject);
			Promise.resolve()
				.then(() => listener(createIncomingMessage(request), res))
				.catch((error: unknown) => {
					// Before the response started, the crash is the invocation's; after, the body's.
					if (res.headersSent)
						res.destroy(error instanceof Error ? error : new Error(String(error)));
					else reject(error);
				});
		});
}

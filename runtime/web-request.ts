/**
 * Building a web Request that may carry a streamed body.
 */

export interface RequestWithBodyInit {
	readonly method: string;
	readonly headers: Headers;
	/** Dropped for GET and HEAD, which cannot have one. */
	readonly body: ReadableStream<Uint8Array> | null;
	readonly signal?: AbortSignal;
	readonly redirect?: RequestRedirect;
}

/** A Request at `url` whose body (if any) streams rather than being read first. */
export function requestWithBody(url: string | URL, init: RequestWithBodyInit): Request {
	const hasBody = init.method !== 'GET' && init.method !== 'HEAD';
	// Node needs `duplex` to send a streamed body; the DOM typings do not know it.
	const full: RequestInit & { duplex: 'half' } = {
		method: init.method,
		headers: init.headers,
		body: hasBody ? init.body : null,
		duplex: 'half',
		signal: init.signal,
		redirect: init.redirect,
	};
	return new Request(url, full);
}

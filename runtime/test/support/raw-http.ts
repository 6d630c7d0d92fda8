import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';

export interface RawAnswer {
	readonly status: number;
	readonly headers: IncomingHttpHeaders;
	/** The bytes as sent: not decoded, unlike `fetch`. */
	readonly body: Buffer;
}

/** A request over `node:http`, which neither adds `Accept-Encoding` nor decodes the body. */
export function rawFetch(
	url: string,
	init: { method?: string; headers?: Record<string, string> } = {},
): Promise<RawAnswer> {
	return new Promise((resolve, reject) => {
		httpRequest(url, { method: init.method ?? 'GET', headers: init.headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () =>
				resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
			);
		})
			.on('error', reject)
			.end();
	});
}

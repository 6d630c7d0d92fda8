/** Raw HTTP(S) requests, shared by the platform and end-to-end suites; knows nothing of the target. */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface RawResponse {
	readonly status: number;
	readonly headers: Readonly<Record<string, string | string[] | undefined>>;
	readonly body: string;
}

/**
 * A GET with the request target sent byte for byte: `fetch` resolves dot segments and `\`
 * before sending, and a visitor's own client need not.
 */
export function sendRaw(
	baseUrl: string,
	requestTarget: string,
	headers: Readonly<Record<string, string>> = {},
): Promise<RawResponse> {
	const url = new URL(baseUrl);
	const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
	return new Promise((resolve, reject) => {
		const request = send(
			{
				host: url.hostname,
				port: url.port,
				path: requestTarget,
				method: 'GET',
				headers,
				agent: false,
				servername: url.hostname,
			},
			(response) => {
				let body = '';
				response.setEncoding('utf8');
				response.on('data', (chunk: string) => (body += chunk));
				response.on('end', () =>
					resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
				);
				response.on('error', reject);
			},
		);
		request.on('error', reject);
		request.end();
	});
}

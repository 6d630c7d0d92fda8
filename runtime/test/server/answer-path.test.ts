import { afterEach, describe, expect, it } from 'vitest';
import type { PlainAnswer } from '../../cache/answer.ts';
import type { ServerRequest } from '../../handler.ts';
import { startServer, type RunningServer } from '../../server.ts';
import { rawFetch } from '../support/raw-http.ts';

const servers: RunningServer[] = [];

afterEach(async () => {
	await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(
	answer: (request: ServerRequest) => PlainAnswer | undefined,
): Promise<RunningServer> {
	const handle = async () => new Response('from handle');
	const server = await startServer({ handle, answer, port: 0, host: '127.0.0.1' });
	servers.push(server);
	return server;
}

describe('startServer with an answer path', () => {
	it('writes what answer returns as it is, without calling handle', async () => {
		const server = await serve(() => ({
			status: 200,
			headers: ['content-type', 'text/plain', 'set-cookie', 'a=1', 'set-cookie', 'b=2'],
			body: Buffer.from('stored'),
		}));
		const answer = await rawFetch(`${server.url}/x`);
		expect(answer.body.toString()).toBe('stored');
		expect(answer.headers['set-cookie']).toEqual(['a=1', 'b=2']);
	});

	it('hands the request to handle when answer returns nothing', async () => {
		const server = await serve(() => undefined);
		expect((await rawFetch(`${server.url}/x`)).body.toString()).toBe('from handle');
	});

	it('gives answer the method, the URL and case-insensitive access to the raw headers', async () => {
		let seen: { method: string; url: string; accept: string | null; custom: boolean } | undefined;
		const server = await serve((request) => {
			seen = {
				method: request.method,
				url: request.url.href,
				accept: request.headers.get('Accept-Encoding'),
				custom: request.headers.has('X-Custom'),
			};
			return undefined;
		});
		await rawFetch(`${server.url}/p?q=1`, {
			method: 'HEAD',
			headers: { 'accept-encoding': 'br', 'x-custom': '1' },
		});
		expect(seen).toEqual({
			method: 'HEAD',
			url: `${server.url}/p?q=1`,
			accept: 'br',
			custom: true,
		});
	});
});

/**
 * The public port of `npm start`: forwards each request to the current deployment, unchanged, and
 * streams its answer back. Switching deployments is instant for new requests; the old deployment
 * is told it may stop once the requests it already has are answered.
 */
import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { isIP, type AddressInfo } from 'node:net';

interface Upstream {
	readonly url: URL;
	readonly agent: Agent;
	inFlight: number;
	onDrained: (() => void) | null;
}

export interface Proxy {
	readonly url: string;
	/** `localhost:4321`: the host and port visitors use, named as the runtime names its own. */
	readonly host: string;
	/** Sends new requests to `url`; resolves once the previous deployment's requests are answered. */
	switchTo(url: string): Promise<void>;
	close(): Promise<void>;
}

function upstreamOf(url: string): Upstream {
	return { url: new URL(url), agent: new Agent({ keepAlive: true }), inFlight: 0, onDrained: null };
}

function forward(upstream: Upstream, req: IncomingMessage, res: ServerResponse) {
	upstream.inFlight++;
	res.once('close', () => {
		upstream.inFlight--;
		if (upstream.inFlight === 0) upstream.onDrained?.();
	});
	const outgoing = request(
		{
			host: upstream.url.hostname,
			port: upstream.url.port,
			method: req.method,
			path: req.url,
			headers: req.headers,
			agent: upstream.agent,
		},
		(answer) => {
			res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.rawHeaders);
			answer.pipe(res);
		},
	);
	outgoing.once('error', () => {
		if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
		res.end('The local deployment did not answer.\n');
	});
	req.pipe(outgoing);
}

/** Listens at once; answers 503 until the first `switchTo`. */
export async function startProxy(port: number, host: string): Promise<Proxy> {
	let current: Upstream | null = null;
	const server = createServer((req, res) => {
		if (current !== null) return forward(current, req, res);
		res.writeHead(503, { 'content-type': 'text/plain', 'retry-after': '1' });
		res.end('The first deployment is starting.\n');
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, resolve);
	});
	const address = server.address() as AddressInfo;
	// As runtime/server.ts `publicHost`: a name as given, an address as bound, a wildcard as localhost.
	const name =
		isIP(host) === 0
			? host
			: address.address === '0.0.0.0' || address.address === '::'
				? 'localhost'
				: address.family === 'IPv6'
					? `[${address.address}]`
					: address.address;
	const publicHost = `${name}:${address.port}`;
	return {
		url: `http://${publicHost}`,
		host: publicHost,
		switchTo(url) {
			const previous = current;
			current = upstreamOf(url);
			if (previous === null) return Promise.resolve();
			return new Promise<void>((resolve) => {
				const drained = () => {
					previous.agent.destroy();
					resolve();
				};
				if (previous.inFlight === 0) drained();
				else previous.onDrained = drained;
			});
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeIdleConnections();
				current?.agent.destroy();
			}),
	};
}

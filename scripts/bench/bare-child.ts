/**
 * The reference server: a few lines of `node:http` sending one recorded answer (its status, headers
 * and body bytes) from memory to every request, in its own process like the runtime under test.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const [answerFile] = process.argv.slice(2);
const recorded = JSON.parse(readFileSync(answerFile!, 'utf8')) as {
	status: number;
	headers: string[];
	body: string;
};
const body = Buffer.from(recorded.body, 'base64');
const server = createServer((_req, res) => {
	res.writeHead(recorded.status, recorded.headers).end(body);
});
server.listen(0, '127.0.0.1', () => {
	const { port } = server.address() as AddressInfo;
	process.send?.({ type: 'ready', url: `http://127.0.0.1:${port}` });
});
process.on('disconnect', () => {
	server.close(() => process.exit(0));
	server.closeAllConnections();
});

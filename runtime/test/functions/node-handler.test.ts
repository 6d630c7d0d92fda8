import { describe, expect, it } from 'vitest';
import { nodeListenerToFetch, type NodeListener } from '../../functions/node-handler.ts';

function call(listener: NodeListener, request = new Request('http://localhost/path?q=1')) {
	return nodeListenerToFetch(listener)(request);
}

describe('nodeListenerToFetch', () => {
	it('gives the handler the method, path with query, lower-case headers and the body', async () => {
		const response = await call(
			async (req, res) => {
				let body = '';
				for await (const chunk of req) body += chunk;
				res.end(
					JSON.stringify({ method: req.method, url: req.url, type: req.headers['x-type'], body }),
				);
			},
			new Request('http://localhost/path?q=1', {
				method: 'PUT',
				headers: { 'X-Type': 'test' },
				body: 'content',
			}),
		);
		expect(await response.json()).toEqual({
			method: 'PUT',
			url: '/path?q=1',
			type: 'test',
			body: 'content',
		});
	});

	it('turns statusCode, setHeader and writes into the Response', async () => {
		const response = await call((_req, res) => {
			res.statusCode = 202;
			res.setHeader('Content-Type', 'text/plain');
			res.setHeader('Set-Cookie', ['a=1', 'b=2']);
			res.write('one ');
			res.end('two');
		});
		expect(response.status).toBe(202);
		expect(response.headers.get('content-type')).toBe('text/plain');
		expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
		expect(await response.text()).toBe('one two');
	});

	it('accepts writeHead with a headers object', async () => {
		const response = await call((_req, res) => {
			res.writeHead(301, { Location: '/elsewhere' }).end();
		});
		expect(response.status).toBe(301);
		expect(response.headers.get('location')).toBe('/elsewhere');
	});

	it('streams: the Response is available before the handler ends', async () => {
		let finish: (() => void) | undefined;
		const response = await call((_req, res) => {
			res.write('start ');
			finish = () => res.end('end');
		});
		const reading = response.text();
		finish?.();
		expect(await reading).toBe('start end');
	});

	it('sends no body for HEAD', async () => {
		const response = await call(
			(_req, res) => res.end('ignored'),
			new Request('http://localhost/', { method: 'HEAD' }),
		);
		expect(response.body).toBeNull();
	});

	it('rejects when the handler throws before responding', async () => {
		await expect(
			call(() => {
				throw new Error('broken');
			}),
		).rejects.toThrow('broken');
	});

	it('rejects a status a Response cannot have', async () => {
		await expect(
			call((_req, res) => {
				res.statusCode = 99;
				res.end();
			}),
		).rejects.toThrow(RangeError);
	});
});

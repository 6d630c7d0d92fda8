import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, readJsonBody } from '../../../src/revalidate/body.ts';
import type { RevalidateError } from '../../../src/revalidate/errors.ts';

const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
	new Request('http://localhost/api/revalidate', {
		method: 'POST',
		body,
		headers,
		duplex: 'half',
	} as RequestInit);

async function codeOf(request: Request): Promise<string> {
	try {
		await readJsonBody(request);
	} catch (error) {
		return (error as RevalidateError).code;
	}
	throw new Error('expected the body to be refused');
}

function streamOf(chunks: number, chunkBytes: number): ReadableStream<Uint8Array> {
	let sent = 0;
	return new ReadableStream({
		pull(controller) {
			if (sent++ === chunks) controller.close();
			else controller.enqueue(new Uint8Array(chunkBytes).fill(0x20));
		},
	});
}

describe('readJsonBody', () => {
	it('parses a JSON body', async () => {
		expect(await readJsonBody(post('{"paths":["/isr"]}'))).toEqual({ paths: ['/isr'] });
	});

	it(`accepts a body of exactly ${MAX_BODY_BYTES} bytes`, async () => {
		const body = `{"path":"/isr"}`.padEnd(MAX_BODY_BYTES, ' ');
		expect(await readJsonBody(post(body))).toEqual({ path: '/isr' });
	});

	it('refuses a declared Content-Length over the limit before reading', async () => {
		const request = post('{}', { 'content-length': String(MAX_BODY_BYTES + 1) });
		expect(await codeOf(request)).toBe('body_too_large');
	});

	it('refuses a larger body even without a Content-Length (chunked)', async () => {
		const request = post(streamOf(20, 1024));
		expect(request.headers.get('content-length')).toBeNull();
		expect(await codeOf(request)).toBe('body_too_large');
	});

	it('refuses a body one byte over the limit', async () => {
		expect(await codeOf(post('x'.repeat(MAX_BODY_BYTES + 1)))).toBe('body_too_large');
	});

	it.each([
		['an empty body', null],
		['invalid JSON', '{"paths": ['],
		['invalid UTF-8', new Uint8Array([0x7b, 0xff, 0x7d])],
	])('refuses %s as invalid_body', async (_, body) => {
		expect(await codeOf(post(body))).toBe('invalid_body');
	});

	it('refuses a Content-Length that is not a number', async () => {
		expect(await codeOf(post('{}', { 'content-length': 'lots' }))).toBe('invalid_body');
	});
});

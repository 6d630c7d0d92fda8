import { RevalidateError } from './errors.ts';

/** Revalidation bodies are a few paths; anything larger is refused before it is parsed. */
export const MAX_BODY_BYTES = 16 * 1024;

/**
 * The request body parsed as JSON, refused with `body_too_large` when `Content-Length` or the
 * bytes actually sent exceed `maxBytes` (a chunked body has no length to trust).
 */
export async function readJsonBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
	const declared = request.headers.get('content-length');
	if (declared !== null) {
		if (!/^\d+$/.test(declared.trim())) {
			throw new RevalidateError('invalid_body', 'Content-Length is not a number of bytes.');
		}
		if (Number(declared) > maxBytes) throw tooLarge(maxBytes);
	}
	const bytes = await readLimited(request, maxBytes);
	if (bytes.byteLength === 0) {
		throw new RevalidateError('invalid_body', 'The body is empty: send {"paths": ["/isr"]}.');
	}
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw new RevalidateError('invalid_body', 'The body is not UTF-8 text.');
	}
	try {
		return JSON.parse(text) as unknown;
	} catch {
		throw new RevalidateError('invalid_body', 'The body is not valid JSON.');
	}
}

async function readLimited(request: Request, maxBytes: number): Promise<Uint8Array> {
	if (!request.body) return new Uint8Array();
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		total += value.byteLength;
		if (total > maxBytes) {
			await reader.cancel();
			throw tooLarge(maxBytes);
		}
		chunks.push(value);
	}
	const bytes = new Uint8Array(total);
	let offset = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return bytes;
}

function tooLarge(maxBytes: number): RevalidateError {
	return new RevalidateError('body_too_large', `The body is larger than ${maxBytes / 1024} KiB.`);
}

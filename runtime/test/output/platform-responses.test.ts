import { describe, expect, it } from 'vitest';
import {
	BAD_REQUEST,
	functionCrashResponse,
	methodNotExportedResponse,
	notFoundResponse,
	SERVER_FAILURE,
	timeoutResponse,
} from '../../output/platform-responses.ts';

describe('platform error responses', () => {
	it.each([
		['NOT_FOUND', notFoundResponse(), 404],
		['FUNCTION_INVOCATION_FAILED', functionCrashResponse(), 500],
		['FUNCTION_INVOCATION_TIMEOUT', timeoutResponse(), 504],
	])('names %s in x-vercel-error and the body', async (code, response, status) => {
		expect(response.status).toBe(status);
		expect(response.headers.get('x-vercel-error')).toBe(code);
		expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
		expect(await response.text()).toContain(code);
	});

	it('answers a missing method export with 405 and the methods that exist', () => {
		const response = methodNotExportedResponse(['GET', 'POST']);
		expect(response.status).toBe(405);
		expect(response.headers.get('allow')).toBe('GET, POST');
	});

	it("gives the server's own answers as plain parts", () => {
		expect(BAD_REQUEST).toEqual({
			status: 400,
			headers: { 'content-type': 'text/plain; charset=utf-8' },
			body: '400: BAD_REQUEST\n',
		});
		expect(SERVER_FAILURE.status).toBe(500);
	});
});

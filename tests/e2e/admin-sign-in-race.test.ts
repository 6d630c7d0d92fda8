/**
 * Wrong secrets sent in parallel, each body arriving after its headers: the throttle must count
 * them as they are compared, not let every attempt past its check first. In a file of its own,
 * so the throttle (one per function instance, module state) starts empty.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAdminSite, type AdminSite } from './admin-support.ts';

let admin: AdminSite;
beforeAll(async () => {
	admin = await startAdminSite();
});
afterAll(async () => admin?.close());

/** A sign-in POST whose headers go out at once and whose body waits for `bodies`. */
function slowSignIn(attempt: number, bodies: Promise<void>): Promise<number> {
	const url = new URL('/admin/sign-in', admin.site.url);
	const body = `secret=wrong-${attempt}`;
	return new Promise((resolve, reject) => {
		const sent = request(
			url,
			{
				method: 'POST',
				agent: false,
				headers: {
					'content-type': 'application/x-www-form-urlencoded',
					'content-length': String(Buffer.byteLength(body)),
					origin: url.origin,
				},
			},
			(response) => {
				response.resume();
				response.on('end', () => resolve(response.statusCode ?? 0));
			},
		);
		sent.on('error', reject);
		sent.flushHeaders();
		void bodies.then(() => sent.end(body));
	});
}

describe('signing in with wrong secrets in parallel', () => {
	it('throttles after five failures even when every attempt arrived before the first failed', async () => {
		// Load the function first, so every attempt's headers reach a warm handler.
		await (await admin.site.get('/admin')).text();
		const bodies = Promise.withResolvers<void>();
		const attempts = Array.from({ length: 12 }, (_, attempt) =>
			slowSignIn(attempt, bodies.promise),
		);
		// Every request has reached the server with its headers before any body is sent.
		await new Promise((resolve) => setTimeout(resolve, 1500));
		bodies.resolve();
		const statuses = await Promise.all(attempts);
		expect(statuses.filter((status) => status === 401)).toHaveLength(5);
		expect(statuses.filter((status) => status === 429)).toHaveLength(7);
	});
});

import { describe, expect, it } from 'vitest';
import { detectHandler } from '../../functions/load-function.ts';
import { isSupportedRuntime } from '../../output/vc-config-schema.ts';

const get = (path = '/') => new Request(`http://localhost${path}`);

describe('detectHandler', () => {
	it('calls a default export with fetch, keeping `this`', async () => {
		const app = {
			name: 'app',
			fetch(this: { name: string }) {
				return new Response(this.name);
			},
		};
		const handler = detectHandler({ default: app }, 'test');
		expect(await (handler(get()) as Response).text()).toBe('app');
	});

	it('unwraps default several times', async () => {
		const nested = { default: { default: { default: { fetch: () => new Response('deep') } } } };
		expect(await (detectHandler(nested, 'test')(get()) as Response).text()).toBe('deep');
	});

	it('dispatches named method exports and answers 405 with Allow for the rest', async () => {
		const handler = detectHandler({ GET: () => new Response('got'), POST: () => null }, 'test');
		expect(await (handler(get()) as Response).text()).toBe('got');
		const response = handler(new Request('http://localhost/', { method: 'DELETE' })) as Response;
		expect(response.status).toBe(405);
		expect(response.headers.get('allow')).toBe('GET, POST');
	});

	it('adapts a default (req, res) function', async () => {
		const listener = (_req: unknown, res: { end(body: string): void }) => res.end('node');
		const response = await detectHandler({ default: listener }, 'test')(get());
		expect(await (response as Response).text()).toBe('node');
	});

	it('says what to export when there is no handler', () => {
		expect(() => detectHandler({ answer: 42 }, 'function /x (index.mjs)')).toThrow(
			"Can't detect a way to handle requests in function /x (index.mjs): export default { fetch }",
		);
	});
});

describe('isSupportedRuntime', () => {
	it('runs Node.js launcher functions only', () => {
		const node = { runtime: 'nodejs24.x', handler: 'index.mjs' };
		expect(isSupportedRuntime(node)).toBe(true);
		expect(isSupportedRuntime({ ...node, launcherType: 'Nodejs' })).toBe(true);
		expect(isSupportedRuntime({ runtime: 'edge', entrypoint: 'index.js' })).toBe(false);
		expect(isSupportedRuntime({ runtime: 'python3.12', handler: 'index.py' })).toBe(false);
	});
});

import { describe, expect, it } from 'vitest';
import {
	createBackgroundWork,
	installRequestContext,
	runWithRequestContext,
} from '../../functions/request-context.ts';

const readContext = () =>
	(globalThis as Record<symbol, { get(): Record<string, unknown> }>)[
		Symbol.for('@vercel/request-context')
	].get();

describe('request context', () => {
	it('gives each invocation its own context and an empty one outside', async () => {
		installRequestContext();
		const background = createBackgroundWork(() => undefined);
		const seen = await Promise.all(
			['a', 'b'].map((id) =>
				runWithRequestContext({ waitUntil: background.add, headers: { id } }, async () => {
					await new Promise((resolve) => setImmediate(resolve));
					return readContext().headers;
				}),
			),
		);
		expect(seen).toEqual([{ id: 'a' }, { id: 'b' }]);
		expect(readContext()).toEqual({});
	});

	it('reports rejected background work and settles once all of it has', async () => {
		const errors: unknown[] = [];
		const background = createBackgroundWork((error) => errors.push(error));
		const gate = Promise.withResolvers<void>();
		let settled = false;
		background.add(gate.promise.then(() => Promise.reject(new Error('late failure'))));
		const settling = background.settled().then(() => (settled = true));
		await new Promise((resolve) => setImmediate(resolve));
		expect(settled).toBe(false);
		gate.resolve();
		await settling;
		expect(errors).toEqual([new Error('late failure')]);
	});
});

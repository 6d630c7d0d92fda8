import { createRuntime, type CreateRuntimeOptions, type Runtime } from '../../handler.ts';
import { startServer } from '../../server.ts';

/** Sends requests to a runtime, in-process or over a real port, so one suite runs both ways. */
export interface Client {
	readonly runtime: Runtime;
	fetch(path: string, init?: RequestInit): Promise<Response>;
	close(): Promise<void>;
}

export type Transport = 'in-process' | 'over HTTP';

export const TRANSPORTS: readonly Transport[] = ['in-process', 'over HTTP'];

export async function createClient(
	transport: Transport,
	options: CreateRuntimeOptions,
): Promise<Client> {
	const runtime = await createRuntime(options);
	if (transport === 'in-process') {
		return {
			runtime,
			fetch: (path, init) =>
				runtime.handle(new Request(new URL(path, 'http://localhost:4321'), init)),
			close: () => runtime.close(),
		};
	}
	const server = await startServer({
		handle: runtime.handle,
		answer: runtime.answer,
		port: 0,
		host: '127.0.0.1',
	});
	runtime.setPublicHost(server.host);
	return {
		runtime,
		fetch: (path, init) => fetch(new URL(path, server.url), { redirect: 'manual', ...init }),
		async close() {
			await server.close();
			await runtime.close();
		},
	};
}

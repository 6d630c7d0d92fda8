/**
 * The runtime's API: load a Build Output API v3 folder into a `(Request) => Promise<Response>`
 * handler, and serve a handler on a port. Wire names live in `./wire` (`@astro-isr/vercel-runtime/wire`).
 */
export {
	createRuntime,
	type CreateRuntimeOptions,
	type InvocationInfo,
	type Runtime,
} from './handler.ts';
export { startServer, type RunningServer, type StartServerOptions } from './server.ts';
export { main, parseCliOptions, serve, type RuntimeOptions } from './cli.ts';
export {
	createLogger,
	formatBanner,
	silentLogger,
	type Logger,
	type LoggerOptions,
} from './log.ts';
export { readDotenvFiles, readProjectEnv, SYSTEM_ENV } from './env.ts';
export type { Output } from './output/types.ts';

#!/usr/bin/env node
/**
 * The package's `bin` (and `npm run serve`): serves a built `.vercel/output` with Vercel's
 * routing and ISR semantics.
 *
 *   vercel-runtime [--port 4321] [--host localhost] [--dir .vercel/output]
 *                  [--max-cache-bytes N] [--public-host host:port] [--quiet]
 *
 * Flags win over the environment (PORT, HOST, ISR_RUNTIME_MAX_CACHE_BYTES).
 */
import { parseArgs } from 'node:util';
import { createRuntime, type Runtime } from './handler.ts';
import { createLogger, formatBanner, type Logger } from './log.ts';
import { startServer, type RunningServer } from './server.ts';

export interface RuntimeOptions {
	readonly port: number;
	readonly host: string;
	readonly dir: string;
	readonly maxCacheBytes: number | undefined;
	/** `host:port` visitors use when a proxy stands in front (for `VERCEL_URL`); default: our own. */
	readonly publicHost: string | undefined;
	readonly quiet: boolean;
	readonly help: boolean;
}

export const USAGE = `Usage: vercel-runtime [options]

  --port <n>             port to listen on (env PORT, default 4321)
  --host <name>          interface to bind (env HOST, default localhost)
  --dir <path>           Build Output API folder (default .vercel/output)
  --max-cache-bytes <n>  cache size in bytes (env ISR_RUNTIME_MAX_CACHE_BYTES, default 256 MiB)
  --public-host <h:p>    host:port visitors reach it at behind a proxy (VERCEL_URL)
  --quiet                no banner, no request lines
  --help                 show this help`;

function integer(value: string, name: string, min: number, max: number): number {
	const number = Number(value);
	if (!/^\d+$/.test(value.trim()) || number < min || number > max) {
		throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${value}"`);
	}
	return number;
}

/** Reads flags and environment once. Throws a message naming the bad flag or variable. */
export function parseCliOptions(
	argv: readonly string[],
	env: Readonly<Record<string, string | undefined>>,
): RuntimeOptions {
	const { values } = parseArgs({
		args: [...argv],
		options: {
			port: { type: 'string' },
			host: { type: 'string' },
			dir: { type: 'string' },
			'max-cache-bytes': { type: 'string' },
			'public-host': { type: 'string' },
			quiet: { type: 'boolean', default: false },
			help: { type: 'boolean', short: 'h', default: false },
		},
		strict: true,
	});
	const port = values.port ?? env.PORT;
	const maxCacheBytes = values['max-cache-bytes'] ?? env.ISR_RUNTIME_MAX_CACHE_BYTES;
	return {
		port: port === undefined ? 4321 : integer(port, values.port ? '--port' : 'PORT', 0, 65535),
		host: values.host ?? env.HOST ?? 'localhost',
		dir: values.dir ?? '.vercel/output',
		maxCacheBytes:
			maxCacheBytes === undefined
				? undefined
				: integer(
						maxCacheBytes,
						values['max-cache-bytes'] ? '--max-cache-bytes' : 'ISR_RUNTIME_MAX_CACHE_BYTES',
						1,
						Number.MAX_SAFE_INTEGER,
					),
		publicHost: values['public-host'],
		quiet: values.quiet,
		help: values.help,
	};
}

/**
 * Loads the output folder and serves it. Resolves once listening, with `VERCEL_URL` set to the
 * host and port visitors use.
 */
export async function serve(
	options: RuntimeOptions,
	logger: Logger,
	projectRoot: string = process.cwd(),
): Promise<{ runtime: Runtime; server: RunningServer }> {
	const runtime = await createRuntime({
		outputDir: options.dir,
		projectRoot,
		maxCacheBytes: options.maxCacheBytes,
		logger,
	});
	const server = await startServer({
		handle: runtime.handle,
		answer: runtime.answer,
		port: options.port,
		host: options.host,
		onError: (error) => logger.error('connection error', error),
		onClientClosed: ({ method, path }) =>
			logger.info(`client closed the connection during ${method} ${path}`),
	});
	// The real port and a reachable name are known only now; no request has been served yet.
	runtime.setPublicHost(options.publicHost ?? server.host);
	return { runtime, server };
}

/** Serves until SIGINT or SIGTERM. `npm start` calls it after building. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
	const options = parseCliOptions(argv, process.env);
	if (options.help) {
		console.info(USAGE);
		return;
	}
	const logger = createLogger({ quiet: options.quiet });
	const { runtime, server } = await serve(options, logger);
	logger.info(formatBanner(server.url, runtime.output));

	let stopping = false;
	const shutdown = async (signal: string) => {
		// A second Ctrl-C stops at once.
		if (stopping) process.exit(130);
		stopping = true;
		logger.info(`\n${signal}: finishing requests and background regenerations…`);
		await server.close();
		await runtime.close();
		process.exit(0);
	};
	process.on('SIGINT', () => void shutdown('SIGINT'));
	process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

if (import.meta.main) {
	main().catch((error: unknown) => {
		console.error(error instanceof Error ? error.message : String(error));
		process.exitCode = 1;
	});
}

/**
 * Loads a Node.js launcher function in-process and finds how it handles requests, in the order
 * Vercel's Node runtime tries: a `fetch` method (what Astro emits), named HTTP-method exports, a
 * `(req, res)` function.
 *
 * @see https://vercel.com/docs/functions/runtimes/node-js
 * @see https://github.com/vercel/vercel/blob/main/packages/node/src/serverless-functions/serverless-handler.mts
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { methodNotExportedResponse } from '../output/platform-responses.ts';
import { isSupportedRuntime, type VcConfig } from '../output/vc-config-schema.ts';
import { nodeListenerToFetch, type NodeListener } from './node-handler.ts';

export type FetchHandler = (request: Request) => unknown;

const HTTP_METHODS = ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'DELETE', 'PATCH'] as const;

// Vercel unwraps `default` up to five times (CommonJS interop can nest it).
const MAX_DEFAULT_DEPTH = 5;

type Exports = Record<string, unknown>;

function isObjectLike(value: unknown): value is Exports {
	return value !== null && (typeof value === 'object' || typeof value === 'function');
}

function methodHandler(exports: Exports): FetchHandler {
	return (request) => {
		const handler = exports[request.method.toUpperCase()];
		if (typeof handler === 'function') return handler.call(exports, request);
		const allow = HTTP_METHODS.filter((method) => typeof exports[method] === 'function');
		return methodNotExportedResponse(allow);
	};
}

/** The request handler in a function's module exports. Throws when there is none. */
export function detectHandler(moduleExports: unknown, description: string): FetchHandler {
	let value = moduleExports;
	for (let depth = 0; depth <= MAX_DEFAULT_DEPTH && isObjectLike(value); depth++) {
		const exports = value;
		if (typeof exports.fetch === 'function') {
			return (request) => (exports.fetch as FetchHandler).call(exports, request);
		}
		if (HTTP_METHODS.some((method) => typeof exports[method] === 'function')) {
			return methodHandler(exports);
		}
		if (!('default' in exports) || exports.default === undefined) break;
		value = exports.default;
	}
	if (typeof value === 'function') return nodeListenerToFetch(value as NodeListener);
	throw new Error(
		`Can't detect a way to handle requests in ${description}: export default { fetch }, named GET/POST/… functions, or a (req, res) function`,
	);
}

/** Imports the function's handler file and returns its request handler. */
export async function loadFunction(dir: string, config: VcConfig, outputPath: string) {
	const description = `function ${outputPath} (${config.handler ?? config.entrypoint})`;
	if (!isSupportedRuntime(config) || config.handler === undefined) {
		throw new Error(
			`Cannot run ${description}: runtime "${config.runtime}" is not supported locally (Node.js launcher functions only)`,
		);
	}
	const moduleExports: unknown = await import(pathToFileURL(join(dir, config.handler)).href);
	return detectHandler(moduleExports, description);
}

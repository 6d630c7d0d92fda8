/**
 * Static files as the platform's CDN serves them: `x-vercel-cache: HIT` (they are never invoked
 * and cannot be bypassed), an ETag per copy, and for text types `br`/`gzip` copies made once, when
 * the file is first read, and kept with it. Other methods than GET and HEAD get 405.
 *
 * @see https://vercel.com/docs/build-output-api/primitives#static-files
 * @see https://vercel.com/docs/how-vercel-cdn-works/compression
 */
import { openAsBlob } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { CACHE_STATUS, DEFAULT_BROWSER_CACHE_CONTROL, VERCEL_CACHE_HEADER } from '../wire.ts';
import { staticMethodNotAllowedResponse } from '../output/platform-responses.ts';
import type { StaticFile } from '../output/types.ts';
import type { HeaderReader } from '../header-reader.ts';
import { answerFrom, preferencesOf, toResponse, type PlainAnswer } from './answer.ts';
import { representationsOf, type Representations } from './representations.ts';

/** Files up to this size are kept in memory after their first request, as an edge would. */
const IN_MEMORY_MAX_BYTES = 1024 * 1024;

function fileHeaders(file: StaticFile): Headers {
	return new Headers({
		'content-type': file.contentType ?? 'application/octet-stream',
		'cache-control': DEFAULT_BROWSER_CACHE_CONTROL,
		[VERCEL_CACHE_HEADER]: CACHE_STATUS.HIT,
	});
}

export interface StaticFileCache {
	/** The answer from memory when the file is kept there and the method is GET or HEAD. */
	kept(
		file: StaticFile,
		method: string,
		request: Pick<HeaderReader, 'get'>,
	): PlainAnswer | undefined;
	/** Any request for the file: read (and kept, when small) on first use. */
	serve(file: StaticFile, method: string, request: Pick<HeaderReader, 'get'>): Promise<Response>;
}

/**
 * The output folder is fixed once loaded, so its small files are read and compressed once. Larger
 * ones stream from disk unencoded and without an ETag (runtime README choice 29).
 */
export function createStaticFileCache(): StaticFileCache {
	const kept = new WeakMap<StaticFile, Representations>();
	const answer = (copies: Representations, method: string, request: Pick<HeaderReader, 'get'>) =>
		answerFrom(200, copies, preferencesOf(method, request), [], true);
	return {
		kept(file, method, request) {
			if (method !== 'GET' && method !== 'HEAD') return undefined;
			const copies = kept.get(file);
			return copies === undefined ? undefined : answer(copies, method, request);
		},
		async serve(file, method, request) {
			if (method !== 'GET' && method !== 'HEAD') return staticMethodNotAllowedResponse();
			let copies = kept.get(file);
			if (copies === undefined) {
				const { size } = await stat(file.fsPath);
				if (size > IN_MEMORY_MAX_BYTES) {
					const headers = fileHeaders(file);
					headers.set('content-length', String(size));
					return new Response(method === 'HEAD' ? null : await openAsBlob(file.fsPath), {
						headers,
					});
				}
				copies = representationsOf(fileHeaders(file), await readFile(file.fsPath), true);
				kept.set(file, copies);
			}
			return toResponse(answer(copies, method, request));
		},
	};
}

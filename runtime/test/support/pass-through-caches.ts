import type { Caches } from '../../cache/types.ts';

export interface ServedRequest {
	readonly cache: 'prerender' | 'cdn';
	readonly url: string;
	/** The prerender output path, or the function path for the CDN cache. */
	readonly outputPath: string;
}

/** Caches that store nothing and record what they were asked to serve. */
export function passThroughCaches(): Caches & { readonly served: ServedRequest[] } {
	const served: ServedRequest[] = [];
	return {
		served,
		prerender: {
			answer: () => undefined,
			serve(request, output, invoke, url = new URL(request.url)) {
				served.push({ cache: 'prerender', url: url.href, outputPath: output.outputPath });
				return invoke(new Request(url, { method: request.method, headers: request.headers }));
			},
		},
		cdn: {
			answer: () => undefined,
			serve(request, functionPath, invoke) {
				served.push({ cache: 'cdn', url: request.url, outputPath: functionPath });
				return invoke(request);
			},
		},
		settled: async () => undefined,
		stats: () => ({ entries: 0, bytes: 0, maxBytes: 0 }),
	};
}

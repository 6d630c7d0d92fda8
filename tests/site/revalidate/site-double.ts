/**
 * A stand-in for the deployed site behind `fetch`: it serves each path's cached render time in
 * `x-generated-at`, and regenerates a path (`x-vercel-cache: REVALIDATED`) only for the right
 * `x-prerender-revalidate` token, as Vercel does. Every request is recorded.
 */
export interface RecordedRequest {
	readonly url: string;
	readonly headers: Headers;
	readonly redirect: RequestRedirect | undefined;
}

export interface SiteDouble {
	readonly fetch: typeof fetch;
	readonly requests: RecordedRequest[];
	/** Render times by `origin + path`, in epoch ms. */
	readonly renderedAt: Map<string, number>;
}

export function createSiteDouble(options: {
	bypassToken: string;
	now: () => number;
	/** Answer for a path instead of the default behaviour. */
	override?: (url: URL, headers: Headers) => Response | undefined;
}): SiteDouble {
	const requests: RecordedRequest[] = [];
	const renderedAt = new Map<string, number>();
	const fetchDouble = async (
		input: string | URL | Request,
		init?: RequestInit,
	): Promise<Response> => {
		const url = new URL(input instanceof Request ? input.url : input);
		const headers = new Headers(init?.headers);
		requests.push({ url: url.href, headers, redirect: init?.redirect });
		const overridden = options.override?.(url, headers);
		if (overridden) return overridden;
		const key = url.origin + url.pathname;
		let cacheStatus = 'HIT';
		if (headers.get('x-prerender-revalidate') === options.bypassToken) {
			renderedAt.set(key, options.now());
			cacheStatus = 'REVALIDATED';
		} else if (!renderedAt.has(key)) {
			renderedAt.set(key, options.now());
			cacheStatus = 'MISS';
		}
		return new Response('<html></html>', {
			status: 200,
			headers: {
				'x-vercel-cache': cacheStatus,
				'x-generated-at': new Date(renderedAt.get(key)!).toISOString(),
			},
		});
	};
	return { fetch: fetchDouble as typeof fetch, requests, renderedAt };
}

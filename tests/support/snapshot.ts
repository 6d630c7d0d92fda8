/** What a page answer says about its cache state; pure, shared by the e2e and platform suites. */

export interface Snapshot {
	readonly status: number;
	readonly cache: string | null;
	readonly generatedAt: string | null;
	readonly headers: Headers;
}

/** Status, `x-vercel-cache` and the page's own render time (from its body). */
export async function snapshot(response: Response): Promise<Snapshot> {
	const body = await response.text();
	const generatedAt =
		body.match(/data-generated-at="([^"]+)"/)?.[1] ??
		(body.startsWith('{')
			? (JSON.parse(body) as { generatedAt?: string }).generatedAt
			: undefined) ??
		null;
	return {
		status: response.status,
		cache: response.headers.get('x-vercel-cache'),
		generatedAt,
		headers: response.headers,
	};
}

/**
 * The platform suite's only way to reach the site: HTTP to {@link target}'s base URL, with the
 * deployment-protection bypass header when one is configured.
 */
import { sendRaw, type RawResponse } from './raw-http.ts';
import { target } from './target.ts';

/** Vercel Deployment Protection's bypass header, for protected preview deployments. */
const PROTECTION_BYPASS_HEADER = 'x-vercel-protection-bypass';

function withProtectionBypass(headers: HeadersInit | undefined): Headers {
	const merged = new Headers(headers);
	if (target.protectionBypass) merged.set(PROTECTION_BYPASS_HEADER, target.protectionBypass);
	return merged;
}

export function get(path: string, init: RequestInit = {}): Promise<Response> {
	return fetch(new URL(path, target.baseUrl), {
		redirect: 'manual',
		...init,
		headers: withProtectionBypass(init.headers),
	});
}

export function postRevalidate(
	body: unknown,
	headers: Readonly<Record<string, string>> = {},
): Promise<Response> {
	return get('/api/revalidate', {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: typeof body === 'string' ? body : JSON.stringify(body),
	});
}

export const withSecret = (): Record<string, string> => ({
	authorization: `Bearer ${target.revalidateSecret}`,
});

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

/** {@link sendRaw} with the deployment-protection bypass header when one is configured. */
export function rawGet(
	requestTarget: string,
	headers: Readonly<Record<string, string>> = {},
): Promise<RawResponse> {
	return sendRaw(target.baseUrl, requestTarget, Object.fromEntries(withProtectionBypass(headers)));
}

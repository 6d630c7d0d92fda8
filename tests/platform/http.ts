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

export { snapshot, type Snapshot } from '../support/snapshot.ts';

/** {@link sendRaw} with the deployment-protection bypass header when one is configured. */
export function rawGet(
	requestTarget: string,
	headers: Readonly<Record<string, string>> = {},
): Promise<RawResponse> {
	return sendRaw(target.baseUrl, requestTarget, Object.fromEntries(withProtectionBypass(headers)));
}

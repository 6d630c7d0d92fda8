/**
 * Which hosts receive the bypass token, and whether the request's own host is one of ours.
 *
 * Revalidation applies only to the domain it is sent to, so a page is revalidated on the host
 * the API request arrived on, on the production domain, and on every domain in
 * `REVALIDATE_HOSTS`. The token is a credential: it is only ever sent to a host listed in the
 * deployment's own environment (or to the local runtime's own address), and over https except
 * to that local address, so a forged `Host` header cannot make the endpoint hand it to somebody
 * else or send it in the clear.
 *
 * @see https://vercel.com/docs/incremental-static-regeneration#on-demand-revalidation-limits
 * @see https://vercel.com/docs/environment-variables/system-environment-variables
 */
import { RevalidateError } from './errors.ts';

export interface HostEnv {
	/** `1` on Vercel (and in the local runtime); unset elsewhere. */
	readonly VERCEL?: string | undefined;
	readonly VERCEL_ENV?: string | undefined;
	readonly VERCEL_URL?: string | undefined;
	readonly VERCEL_BRANCH_URL?: string | undefined;
	readonly VERCEL_PROJECT_PRODUCTION_URL?: string | undefined;
	/** Extra domains serving this deployment, comma-separated (`www.example.com,example.com`). */
	readonly REVALIDATE_HOSTS?: string | undefined;
}

/** Where revalidation requests go: `origin` is `scheme://host[:port]`, `host` is `host[:port]`. */
export interface Target {
	readonly origin: string;
	readonly host: string;
}

/**
 * How a listed host is contacted. `configured`: a domain named in the environment
 * (`REVALIDATE_HOSTS`, the production and branch domains), always over https, since the token
 * travels with the request. `own`: `VERCEL_URL`, over http only when it is a loopback address
 * (the local runtime's own socket).
 */
export type HostKind = 'configured' | 'own';

/** `host[:port]` values from a comma-separated list; entries may carry an `https://` scheme. */
export function parseHostList(
	raw: string | undefined,
	name: string,
	kind: HostKind = 'configured',
): Target[] {
	return (raw ?? '')
		.split(',')
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '')
		.map((entry, index) => {
			const target = parseHost(entry, kind);
			if (target === 'http') {
				throw new RevalidateError(
					'misconfigured',
					`${name} entry ${index + 1} asks for http://; the bypass token is only sent to these hosts over https. Drop the scheme or use "https://".`,
				);
			}
			if (!target) {
				throw new RevalidateError(
					'misconfigured',
					`${name} entry ${index + 1} is not a host name like "www.example.com" (an optional "https://" is allowed; no path).`,
				);
			}
			return target;
		});
}

function parseHost(entry: string, kind: HostKind): Target | 'http' | undefined {
	const scheme = /^(https?):\/\//i.exec(entry)?.[1]?.toLowerCase();
	const bare = scheme === undefined ? entry : entry.slice(scheme.length + 3);
	const url = URL.parse(`https://${bare}`);
	if (url === null) return undefined;
	const hasMoreThanAHost = url.username || url.password || url.search || url.hash;
	if (hasMoreThanAHost || url.pathname !== '/') return undefined;
	if (kind === 'own' && isLoopback(url.hostname)) {
		const local = new URL(`http://${bare}`);
		return { origin: local.origin, host: local.host };
	}
	if (scheme === 'http') return 'http';
	return { origin: url.origin, host: url.host };
}

/** `localhost`, `127.0.0.0/8` or `[::1]`, as a URL's `hostname`. */
export function isLoopback(hostname: string): boolean {
	const name = hostname.toLowerCase();
	return name === 'localhost' || name === '[::1]' || /^127(\.\d{1,3}){3}$/.test(name);
}

/** The environment's host lists, parsed once per call. */
interface Hosts {
	/** `VERCEL_URL`: this deployment, or the local runtime's own `host:port`. */
	readonly deployment: Target | undefined;
	/** On Vercel, as opposed to the local runtime (loopback `VERCEL_URL`) or no runtime at all. */
	readonly deployed: boolean;
	readonly production: readonly Target[];
	readonly own: readonly Target[];
	readonly extra: readonly Target[];
}

function readHosts(env: HostEnv): Hosts {
	const [deployment] = parseHostList(env.VERCEL_URL, 'VERCEL_URL', 'own');
	const production = parseHostList(
		env.VERCEL_PROJECT_PRODUCTION_URL,
		'VERCEL_PROJECT_PRODUCTION_URL',
	);
	const extra = parseHostList(env.REVALIDATE_HOSTS, 'REVALIDATE_HOSTS');
	const branch = parseHostList(env.VERCEL_BRANCH_URL, 'VERCEL_BRANCH_URL');
	const local = deployment !== undefined && isLoopback(new URL(deployment.origin).hostname);
	return {
		deployment,
		deployed: env.VERCEL !== undefined && env.VERCEL !== '' && !local,
		production,
		own: [...(deployment ? [deployment] : []), ...branch, ...production, ...extra],
		extra,
	};
}

/**
 * The target the request's own host stands for, or `undefined` when it is not ours. Its origin
 * comes from the environment, never from the request, so a forged `Host` over plain http cannot
 * make the token travel over http.
 */
function trustedTarget(url: URL, hosts: Hosts): Target | undefined {
	if (!hosts.deployed && hosts.deployment !== undefined) {
		// The local runtime: exactly its own `host:port`. Another loopback name on the same port
		// (`127.0.0.2`, `[::1]`) may be another process, so it is not ours.
		return hosts.deployment.host === url.host ? hosts.deployment : undefined;
	}
	if (!hosts.deployed && isLoopback(url.hostname)) {
		// No runtime at all (`astro dev`): the dev server on whatever loopback port it chose.
		return { origin: url.origin, host: url.host };
	}
	return hosts.own.find((target) => target.host === url.host);
}

/** Whether the request arrived on one of this deployment's own hosts (`url.host`, port included). */
export function isTrustedHost(url: URL, env: HostEnv): boolean {
	return trustedTarget(url, readHosts(env)) !== undefined;
}

/**
 * The hosts to revalidate a path on, the request's own host first. Throws `untrusted_host` when
 * the request's host is not ours, before any token could be sent.
 */
export function revalidationTargets(url: URL, env: HostEnv): Target[] {
	const hosts = readHosts(env);
	const own = trustedTarget(url, hosts);
	if (own === undefined) {
		throw new RevalidateError(
			'untrusted_host',
			"This request arrived on a host that is not one of this deployment's domains; add it to REVALIDATE_HOSTS to revalidate there.",
		);
	}
	const targets: Target[] = [own];
	// A preview deployment's production domain is served by another deployment, with its own
	// cache and token: only the production deployment revalidates it, and never the local runtime.
	if (env.VERCEL_ENV === 'production' && hosts.deployed) targets.push(...hosts.production);
	targets.push(...hosts.extra);
	const seen = new Set<string>();
	return targets.filter((target) => !seen.has(target.host) && seen.add(target.host));
}

/**
 * Which hosts receive the bypass token, and whether the request's own host is one of ours.
 *
 * Revalidation applies only to the domain it is sent to, so a page is revalidated on the host
 * the API request arrived on, on the production domain, and on every domain in
 * `REVALIDATE_HOSTS`. The token is a credential: it is only ever sent to a host listed in the
 * deployment's own environment (or to a loopback address when not deployed), so a forged `Host`
 * header cannot make the endpoint hand it to somebody else.
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

/** `host[:port]` values from a comma-separated list; entries may carry an `http(s)://` scheme. */
export function parseHostList(raw: string | undefined, name: string): Target[] {
	return (raw ?? '')
		.split(',')
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '')
		.map((entry, index) => {
			const target = parseHost(entry);
			if (!target) {
				throw new RevalidateError(
					'misconfigured',
					`${name} entry ${index + 1} is not a host name like "www.example.com" (an optional "https://" is allowed; no path).`,
				);
			}
			return target;
		});
}

function parseHost(entry: string): Target | undefined {
	const withScheme = /^https?:\/\//i.test(entry) ? entry : `${defaultScheme(entry)}//${entry}`;
	let url: URL;
	try {
		url = new URL(withScheme);
	} catch {
		return undefined;
	}
	const hasMoreThanAHost = url.username || url.password || url.search || url.hash;
	if (hasMoreThanAHost || url.pathname !== '/') return undefined;
	return { origin: url.origin, host: url.host };
}

function defaultScheme(host: string): 'http:' | 'https:' {
	const hostname = host.replace(/:\d+$/, '');
	return isLoopback(hostname) ? 'http:' : 'https:';
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
	const [deployment] = parseHostList(env.VERCEL_URL, 'VERCEL_URL');
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

function isTrusted(url: URL, hosts: Hosts): boolean {
	if (!hosts.deployed && isLoopback(url.hostname)) {
		// The local runtime: only its own port, so a forged `Host: localhost:9999` cannot send the
		// token to another local process. With no runtime at all (`astro dev`), any loopback port.
		return hosts.deployment === undefined || url.port === new URL(hosts.deployment.origin).port;
	}
	return hosts.own.some((target) => target.host === url.host);
}

/** Whether the request arrived on one of this deployment's own hosts (`url.host`, port included). */
export function isTrustedHost(url: URL, env: HostEnv): boolean {
	return isTrusted(url, readHosts(env));
}

/**
 * The hosts to revalidate a path on, the request's own host first. Throws `untrusted_host` when
 * the request's host is not ours, before any token could be sent.
 */
export function revalidationTargets(url: URL, env: HostEnv): Target[] {
	const hosts = readHosts(env);
	if (!isTrusted(url, hosts)) {
		throw new RevalidateError(
			'untrusted_host',
			"This request arrived on a host that is not one of this deployment's domains; add it to REVALIDATE_HOSTS to revalidate there.",
		);
	}
	const targets: Target[] = [{ origin: url.origin, host: url.host }];
	// A preview deployment's production domain is served by another deployment, with its own
	// cache and token: only the production deployment revalidates it, and never the local runtime.
	if (env.VERCEL_ENV === 'production' && hosts.deployed) targets.push(...hosts.production);
	targets.push(...hosts.extra);
	const seen = new Set<string>();
	return targets.filter((target) => !seen.has(target.host) && seen.add(target.host));
}

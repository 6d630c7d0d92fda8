/**
 * Start-up warnings for what the output asks of the platform that this runtime does not do. Each
 * field warns once, however many routes or outputs use it, and says what a visitor could do or
 * get because of it, so a difference from Vercel is never silent.
 *
 * @see https://vercel.com/docs/build-output-api/configuration
 * @see https://github.com/vercel/vercel/blob/main/packages/build-utils/src/prerender.ts
 */
import { isHandleRoute, type Config, type Route } from './config-schema.ts';
import type { PrerenderFunction } from './types.ts';

/** Route fields the router acts on (`has.ts`, `match.ts`, `route.ts`, `transforms.ts`). */
const ROUTE_FIELDS = new Set([
	'src',
	'dest',
	'headers',
	'methods',
	'continue',
	'override',
	'caseSensitive',
	'check',
	'status',
	'has',
	'missing',
	'transforms',
	'handle',
]);

const IGNORED_ROUTE_FIELDS: Readonly<Record<string, string>> = {
	middlewarePath:
		'Edge Middleware does not run here, so a visitor gets past whatever it does on Vercel (auth, redirects, rewrites, headers)',
	middlewareRawSrc: 'Edge Middleware does not run here (see "middlewarePath")',
	middleware: 'Edge Middleware does not run here (see "middlewarePath")',
	locale:
		'locale redirects and the locale cookie are not applied, so a visitor gets the path as typed instead of their locale',
	mitigate:
		'firewall actions are not applied, so a request Vercel would deny or challenge reaches the function',
	env: 'environment variables are not substituted, so "$NAME" in dest and headers stays as written',
	important: 'it has no documented meaning and changes nothing here',
	respectOriginCacheControl:
		"an external origin's Cache-Control does not decide CDN caching here, so such rewrites are never cached",
};

const CONFIG_FIELDS = new Set(['version', 'routes', 'overrides', 'framework', 'cache']);

const IGNORED_CONFIG_FIELDS: Readonly<Record<string, string>> = {
	images: 'image optimisation is not served, so a visitor asking for /_vercel/image gets 404',
	crons: 'cron jobs do not run, so their paths change state only when a visitor requests them',
	wildcard: 'wildcard domains are not mapped; every host reaches the same routes',
};

const PRERENDER_FIELDS = new Set([
	'expiration',
	'group',
	// Acted on by ../cache/render-headers.ts: the visitor headers a stored render may carry.
	'allowHeader',
	'bypassToken',
	'fallback',
	'allowQuery',
	'passQuery',
	'initialHeaders',
	'initialStatus',
	'experimentalBypassFor',
	'sourcePath',
	'initialMetadata',
]);

const IGNORED_PRERENDER_FIELDS: Readonly<Record<string, string>> = {
	staleExpiration:
		'a stale entry is served STALE however old it is, so a visitor can get a page older than staleExpiration allows',
	exposeErrBody:
		"the function's error body always reaches the visitor, where Vercel shows its own error page unless it is true",
	onMiss: 'a miss always renders in the foreground (or serves the fallback), whatever it says',
	chain:
		'chained (partial prerendering) responses are not resumed, so a visitor gets the prerendered part only',
	experimentalStreamingLambdaPath:
		'the streaming function is not used; the output renders through its own function',
	partialFallback: 'a fallback is served as a complete page',
};

function fieldWarning(where: string, field: string, uses: string[], reason: string): string {
	const shown = uses.slice(0, 3).join(', ');
	const more = uses.length > 3 ? ` and ${uses.length - 3} more` : '';
	const usedBy = uses.length === 0 ? '' : ` (${shown}${more})`;
	return `${where}: "${field}"${usedBy} is ignored: ${reason}`;
}

const UNKNOWN = 'the runtime does not know this field';

/** Field → where it is used, in first-use order. */
function usesByField(items: readonly (readonly [string, object])[]): Map<string, string[]> {
	const uses = new Map<string, string[]>();
	for (const [label, item] of items) {
		for (const field of Object.keys(item)) uses.set(field, [...(uses.get(field) ?? []), label]);
	}
	return uses;
}

function warningsFor(
	where: string,
	uses: Map<string, string[]>,
	handled: ReadonlySet<string>,
	ignored: Readonly<Record<string, string>>,
	isHarmless: (field: string, labels: string[]) => boolean = () => false,
): string[] {
	return [...uses]
		.filter(([field, labels]) => !handled.has(field) && !isHarmless(field, labels))
		.map(([field, labels]) => fieldWarning(where, field, labels, ignored[field] ?? UNKNOWN));
}

function routeItems(routes: readonly Route[]): [string, object][] {
	return routes.flatMap((route, index): [string, object][] => {
		const label = `routes[${index}]`;
		const transforms = isHandleRoute(route) ? [] : (route.transforms ?? []);
		const transformEnv = transforms.some((transform) => transform.env !== undefined);
		return [[label, route], ...(transformEnv ? [[label, { env: true }] as [string, object]] : [])];
	});
}

/** The warnings for `config.json` and the prerender configs, one per ignored field. */
export function outputWarnings(
	config: Config,
	routes: readonly Route[],
	prerenders: readonly PrerenderFunction[],
): string[] {
	const prerenderItems = prerenders.map((prerender): [string, object] => [
		prerender.outputPath,
		prerender.prerender.config,
	]);
	const exposesErrors = (field: string, labels: string[]) =>
		field === 'exposeErrBody' &&
		labels.every(
			(label) =>
				prerenders.find((prerender) => prerender.outputPath === label)?.prerender.config
					.exposeErrBody === true,
		);
	return [
		...Object.keys(config)
			.filter((field) => !CONFIG_FIELDS.has(field))
			.map((field) =>
				fieldWarning('config.json', field, [], IGNORED_CONFIG_FIELDS[field] ?? UNKNOWN),
			),
		...warningsFor(
			'config.json',
			usesByField(routeItems(routes)),
			ROUTE_FIELDS,
			IGNORED_ROUTE_FIELDS,
		),
		...warningsFor(
			'prerender config',
			usesByField(prerenderItems),
			PRERENDER_FIELDS,
			IGNORED_PRERENDER_FIELDS,
			exposesErrors,
		),
	];
}

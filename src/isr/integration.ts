/**
 * Wires the resolved {@link IsrConfig} into the build:
 * - serves it to server code as `virtual:isr-config` (with `isrRoutes`, the patterns of the
 *   on-demand routes the ISR function caches), and refuses to serve it to the browser, so the
 *   bypass token can only ever end up in function bundles;
 * - says once when on-demand revalidation uses a per-build token;
 * - puts its own entry in front of `@astrojs/vercel`'s (./entrypoint.ts);
 * - checks the route rules against Astro's routes, writes each rule's prerender function and the
 *   paths it renders at build (./emit-rules.ts), and adds the site's routes to `config.json`
 *   (./routes.ts), then fails the build if an API endpoint or an admin page reaches an ISR function;
 * - ends the build with a table of how each route is served (./build-report.ts);
 * - records the ISR settings the build baked in, for `npm start` (see build-stamp.ts).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { readOutputDir } from '@astro-isr/vercel-runtime/output';
import type { Route } from '@vercel/routing-utils';
import type { AstroIntegration } from 'astro';
import { BUILD_STAMP_PATH, buildStampOf } from './build-stamp.ts';
import { formatTable, reportRows } from './build-report.ts';
import type { IsrConfig } from './config.ts';
import { isExcludedRoute } from './cache-policy.ts';
import { emitRuleOutputs, resolvePrerenderPaths } from './emit-rules.ts';
import { findIsrRoutedPaths, samplePathFor } from './route-check.ts';
import { checkRulesAgainstRoutes, type KnownRoute } from './route-rules.ts';
import { ruleExpiration } from './rule-output.ts';
import { withSiteRoutes, type RuleRouting } from './routes.ts';

const VIRTUAL_ID = 'virtual:isr-config';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;
const ADAPTER_ENTRYPOINT = '@astrojs/vercel/entrypoint';
/** Route patterns the ISR function must never serve: endpoints and admin pages. */
const NEVER_CACHED_ROUTE = /^\/(api|admin)(\/|$)/;
const SITE_ENTRYPOINT = fileURLToPath(new URL('./entrypoint.ts', import.meta.url));

export function isrConfigIntegration(config: IsrConfig): AstroIntegration {
	let neverCachedPaths: string[] = [];
	let isrRoutes: RegExp[] = [];
	let knownRoutes: KnownRoute[] = [];
	/** Per rule, the paths rendered at build; resolved before bundling, so server code knows them. */
	let prerenderPaths: Record<string, readonly string[]> = {};
	let root = new URL(`file://${process.cwd()}/`);
	return {
		name: 'isr-config',
		hooks: {
			'astro:config:setup': ({ updateConfig, logger, command }) => {
				if (config.bypassTokenSource === 'generated' && command === 'build') {
					logger.info(
						'ISR_BYPASS_TOKEN is not set: on-demand revalidation uses a per-build token (server-only).',
					);
				}
				updateConfig({
					vite: {
						plugins: [
							{
								name: 'isr-config:virtual-module',
								resolveId(id) {
									return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
								},
								load(id) {
									if (id !== RESOLVED_ID) return undefined;
									if (this.environment.config.consumer === 'client') {
										throw new Error(
											`${VIRTUAL_ID} holds the ISR bypass token and is server-only; it was imported from client code.`,
										);
									}
									return [
										`export default ${serialize(config)};`,
										`export const isrRoutes = Object.freeze([${isrRoutes.map(String).join(', ')}]);`,
										`export const prerenderedPaths = Object.freeze(${JSON.stringify(Object.values(prerenderPaths).flat())});`,
										`export const isrQueryRoutes = Object.freeze([${queryRoutesSource(config, knownRoutes)}]);`,
									].join('\n');
								},
							},
							{
								name: 'isr-config:entrypoint',
								enforce: 'pre',
								resolveId(id, importer) {
									if (id !== ADAPTER_ENTRYPOINT) return undefined;
									return importer?.split('?')[0] === SITE_ENTRYPOINT ? undefined : SITE_ENTRYPOINT;
								},
							},
						],
					},
				});
			},
			'astro:config:done': ({ config: astroConfig }) => {
				root = astroConfig.root;
			},
			'astro:routes:resolved': ({ routes }) => {
				isrRoutes = routes
					.filter((route) => route.type === 'page' || route.type === 'endpoint')
					.filter(
						(route) => !route.isPrerendered && route.pattern !== '/404' && route.pattern !== '/500',
					)
					.filter(
						(route) =>
							!route.pattern.startsWith('/_') && !isExcludedRoute(route.pattern, config.exclude),
					)
					.map((route) => route.patternRegex);
				knownRoutes = routes
					.filter((route) => route.type === 'page' || route.type === 'endpoint')
					.map((route) => ({
						pattern: route.pattern,
						patternRegex: route.patternRegex,
						served: route.isPrerendered
							? 'static'
							: route.pattern.startsWith('/_') || isExcludedRoute(route.pattern, config.exclude)
								? 'excluded'
								: 'isr',
					}));
				const problems = checkRulesAgainstRoutes(config.routeRules, knownRoutes);
				if (problems.length > 0) {
					throw new Error(`Invalid route rules (src/isr/config.ts):\n- ${problems.join('\n- ')}`);
				}
				neverCachedPaths = routes
					.filter((route) => NEVER_CACHED_ROUTE.test(route.pattern))
					.map((route) => samplePathFor(route.pattern));
			},
			'astro:build:start': async () => {
				prerenderPaths = await resolvePrerenderPaths(config.routeRules, knownRoutes);
			},
			// Runs after @astrojs/vercel's own hook: Astro puts the adapter first.
			'astro:build:done': async ({ logger }) => {
				const configJson = new URL('.vercel/output/config.json', root);
				const output = JSON.parse(await readFile(configJson, 'utf8')) as { routes: Route[] };
				const emitted = await emitRuleOutputs(
					fileURLToPath(new URL('.vercel/output/', root)),
					config.routeRules,
					prerenderPaths,
					config,
				);
				const routing = emitted.map((rule): RuleRouting => ({
					src: astroRouteSrc(knownRoutes.find((route) => route.pattern === rule.pattern)!),
					functionName: rule.functionName,
					queryValues: config.routeRules[rule.pattern]!.queryValues,
				}));
				const unrouted = routing.filter(
					({ src }) => !output.routes.some((r) => 'src' in r && r.src === src),
				);
				if (unrouted.length > 0) {
					throw new Error(
						`@astrojs/vercel wrote no route for ${unrouted.map((r) => r.src).join(', ')}; the route rules cannot be applied.`,
					);
				}
				const routes = withSiteRoutes(output.routes, routing);
				await writeFile(configJson, `${JSON.stringify({ ...output, routes }, null, '\t')}\n`);
				// Read back as the runtime reads it, so the check routes what `npm start` will serve.
				const built = await readOutputDir(fileURLToPath(new URL('.vercel/output/', root)));
				const offending = findIsrRoutedPaths(built.routes, built.files, neverCachedPaths);
				if (offending.length > 0) {
					throw new Error(
						`These API or admin routes would be cached by the ISR function: ${offending.join(', ')}. Exclude them in ISR_EXCLUDE (src/isr/config.ts).`,
					);
				}
				logger.info(
					'Checked .vercel/output/config.json: no /api/* or /admin/* route is served by the ISR function.',
				);
				const rows = reportRows(
					knownRoutes,
					emitted.map((rule) => ({
						...rule,
						expiration: ruleExpiration(config.routeRules[rule.pattern]!, config),
						allowQuery: config.routeRules[rule.pattern]!.allowQuery,
					})),
					config.expiration,
				);
				logger.info(`How each route is served:\n${formatTable(rows)}`);
				const stamp = new URL(BUILD_STAMP_PATH, root);
				await mkdir(new URL('.', stamp), { recursive: true });
				await writeFile(stamp, JSON.stringify(buildStampOf(config)));
			},
		},
	};
}

/** The `src` `@astrojs/vercel` writes for a route (its regex wrapped in a group), as `normalizeRoutes` stores it. */
export function astroRouteSrc(route: Pick<KnownRoute, 'patternRegex'>): string {
	return route.patternRegex.source.replace(/^\^(.*)\$$/, '^($1)$').replaceAll('\\/', '/');
}

/** The routes whose rule allows query parameters, as source: `{ route: /^\/blog$/, … }`. */
function queryRoutesSource(config: IsrConfig, routes: readonly KnownRoute[]): string {
	return Object.entries(config.routeRules)
		.filter(([, rule]) => rule.allowQuery.length > 0)
		.flatMap(([pattern, rule]) => {
			const route = routes.find((known) => known.pattern === pattern);
			if (route === undefined) return [];
			const { allowQuery, queryValues } = rule;
			return [
				`{ route: ${String(route.patternRegex)}, ...${JSON.stringify({ allowQuery, queryValues })} }`,
			];
		})
		.join(', ');
}

function serialize(config: IsrConfig): string {
	const exclude = config.exclude.map((entry) =>
		entry instanceof RegExp ? entry.toString() : JSON.stringify(entry),
	);
	const { exclude: _, ...rest } = config;
	return `Object.freeze({ ...${JSON.stringify(rest)}, exclude: [${exclude.join(', ')}] })`;
}

/**
 * `x-now-route-matches`: the platform's request header for prerender functions carrying the
 * captures of the route that chose the output, form-encoded. It is undocumented; Next.js's
 * serverless loader calls it "a platform header only set for Prerender requests", and Nitro
 * rebuilds the page path from its `__isr_route` capture (nitrojs/nitro
 * src/presets/vercel/runtime/isr.ts). Spec §2.4 [U].
 *
 * @see https://github.com/nitrojs/nitro/pull/3539
 */
import type { RouteMatch } from './match.ts';

/**
 * Named groups first, then `1`…`n`, each URL-encoded (`__isr_route=%2Fblog%2Fhello&1=%2Fblog%2Fhello`);
 * groups that did not take part in the match are left out, and so is the whole match (`0`).
 */
export function formatRouteMatches(match: RouteMatch): string {
	const params = new URLSearchParams();
	for (const [name, value] of Object.entries(match.named)) {
		if (value !== undefined) params.append(name, value);
	}
	match.numbered.forEach((value, index) => {
		if (index > 0 && value !== undefined) params.append(String(index), value);
	});
	return params.toString();
}

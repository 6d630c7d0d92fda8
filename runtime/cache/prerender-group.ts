/**
 * Prerender outputs that share a `group` number: "Prerender assets with the same group number
 * will all be re-validated at the same time", e.g. a page and its `__data.json` (SvelteKit).
 * How the members' keys correspond is not documented (spec §9.12 [U]): a member's key is the
 * requester's host and routed query, read through the member's own `allowQuery`.
 *
 * @see https://vercel.com/docs/build-output-api/primitives#prerender-configuration-file
 * @see docs/vercel-isr-semantics.md §1, §9.12
 */
import { functionUrl, type KeyedQuery } from './prerender-key.ts';
import { renderHeaders } from './render-headers.ts';
import type { Invoke, PrerenderOutput } from './types.ts';

/** What a render needs to call the function and store its result. */
export interface RenderTarget {
	readonly key: string;
	readonly url: string;
	/** The same for every visitor (render-headers.ts). */
	readonly headers: Headers;
	readonly output: PrerenderOutput;
	readonly invoke: Invoke;
}

export interface GroupMember {
	readonly output: PrerenderOutput;
	readonly invoke: Invoke;
}

export interface PrerenderGroups {
	/** Remembers how to render `output`; only an output that has rendered can have entries. */
	register(output: PrerenderOutput, invoke: Invoke): void;
	/** The other registered members of `output`'s group; none without a group. */
	othersOf(output: PrerenderOutput): readonly GroupMember[];
}

export function createPrerenderGroups(): PrerenderGroups {
	const groups = new Map<number, Map<string, GroupMember>>();
	return {
		register(output, invoke) {
			const { group } = output.config;
			if (group === undefined) return;
			let members = groups.get(group);
			if (members === undefined) {
				members = new Map();
				groups.set(group, members);
			}
			if (members.get(output.outputPath)?.output !== output) {
				members.set(output.outputPath, { output, invoke });
			}
		},
		othersOf(output) {
			const { group } = output.config;
			const members = group === undefined ? undefined : groups.get(group);
			if (members === undefined) return [];
			return [...members.values()].filter(
				(member) => member.output.outputPath !== output.outputPath,
			);
		},
	};
}

/**
 * The renders that revalidate `members` along with a request for routed `url`: the member keys
 * for the same host and routed query, each read through the member's own `allowQuery`, that
 * `shouldRender` accepts (the cache: those with an entry). `x-now-route-matches` is not sent, as
 * the captures are of the requester's route.
 */
export function memberTargets(
	members: readonly GroupMember[],
	url: URL,
	visitor: Headers,
	keyOf: (output: PrerenderOutput, url: URL) => KeyedQuery,
	shouldRender: (key: string) => boolean,
): RenderTarget[] {
	return members.flatMap(({ output, invoke }) => {
		const routed = new URL(`${url.origin}${output.outputPath}${url.search}`);
		const { key, query } = keyOf(output, routed);
		if (!shouldRender(key)) return [];
		const headers = renderHeaders(visitor, output.config, { routeMatches: false });
		return [{ key, url: functionUrl(routed, output.config, query), headers, output, invoke }];
	});
}

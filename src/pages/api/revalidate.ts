import type { APIRoute } from 'astro';
import { getSecret } from 'astro:env/server';
import isr, { isrQueryRoutes, isrRoutes } from 'virtual:isr-config';
import { readStore } from '../../lib/posts.ts';
import { handleRevalidate, type RevalidateEnv } from '../../revalidate/handler.ts';

/**
 * On-demand revalidation: `POST {"paths": ["/isr"]}` with `Authorization: Bearer
 * <REVALIDATE_SECRET>`, or from the site's own Revalidate button for public paths. Excluded
 * from ISR (`/api/*`), so every call runs. See README "On-demand revalidation".
 */
const ENV_NAMES = [
	'REVALIDATE_SECRET',
	'REVALIDATE_HOSTS',
	'VERCEL_AUTOMATION_BYPASS_SECRET',
	'VERCEL',
	'VERCEL_ENV',
	'VERCEL_URL',
	'VERCEL_BRANCH_URL',
	'VERCEL_PROJECT_PRODUCTION_URL',
] as const satisfies readonly (keyof RevalidateEnv)[];

// Secrets are read at run time, never inlined into the bundle.
function readEnv(): RevalidateEnv {
	return Object.fromEntries(ENV_NAMES.map((name) => [name, getSecret(name)]));
}

export const ALL: APIRoute = ({ request, url }) =>
	handleRevalidate(request, url, {
		config: isr,
		isrRoutes,
		isrQueryRoutes,
		publishedCount: async () => {
			const posts = await readStore((store) => store.listPublished());
			return posts.ok ? posts.value.length : 0;
		},
		env: readEnv(),
		fetch: globalThis.fetch,
		now: Date.now,
		log: (line) => console.info(line),
	});

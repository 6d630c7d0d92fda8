/**
 * The paths route rules render at build. Kept apart from config.ts so reading the settings never
 * opens the content store: the build calls these once, after `@astrojs/vercel` wrote its output.
 */
import type { Env } from './config.ts';

/**
 * `/blog/<slug>` of every post published in the store the build environment names, or of the
 * seed posts where none is configured. A prerendered post stays in the deployment as a fallback
 * (README "Prerendered paths"), so only published posts are listed.
 */
export async function publishedPostPaths(env: Env = process.env): Promise<string[]> {
	const [{ storeConfigFrom }, { openContentStore }, { postPath }] = await Promise.all([
		import('../store/config.ts'),
		import('../store/open.ts'),
		import('../revalidate/tags.ts'),
	]);
	const store = openContentStore(
		storeConfigFrom({
			TURSO_DATABASE_URL: env.TURSO_DATABASE_URL,
			TURSO_AUTH_TOKEN: env.TURSO_AUTH_TOKEN,
			CONTENT_DATABASE_URL: env.CONTENT_DATABASE_URL,
		}),
	);
	return (await store.listPublished()).map((post) => postPath(post.slug));
}

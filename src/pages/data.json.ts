import type { APIRoute } from 'astro';
import isr from 'virtual:isr-config';
import { cachePolicyFor, expiresAt } from '../isr/cache-policy.ts';
import { CONTENT_TAGS_HEADER } from '../isr/wire.ts';
import { readStore, STORE_UNAVAILABLE } from '../lib/posts.ts';
import { postPath, tagsForPage } from '../revalidate/tags.ts';

/** ISR JSON: cached at the edge exactly like the HTML pages. */
export const GET: APIRoute = async ({ locals, routePattern }) => {
	const tags = { [CONTENT_TAGS_HEADER]: tagsForPage('/data.json').join(',') };
	const posts = await readStore((store) => store.listPublished());
	if (!posts.ok) {
		return Response.json(
			{
				error: 'store_unavailable',
				message: 'The posts cannot be read right now; try again shortly.',
			},
			{ status: STORE_UNAVAILABLE.status, headers: { ...STORE_UNAVAILABLE.headers, ...tags } },
		);
	}
	const policy = cachePolicyFor(routePattern, 200, isr);
	const expiry = expiresAt(locals.generatedAt, policy);
	return Response.json(
		{
			generatedAt: locals.generatedAt.toISOString(),
			expiresAt: expiry?.toISOString() ?? null,
			expiration: isr.expiration,
			posts: posts.value.map((post) => ({
				slug: post.slug,
				title: post.title,
				publishedAt: post.publishedAt?.toISOString() ?? null,
				updatedAt: post.updatedAt.toISOString(),
				url: postPath(post.slug),
			})),
		},
		{ headers: tags },
	);
};

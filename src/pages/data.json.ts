import type { APIRoute } from 'astro';
import isr from 'virtual:isr-config';
import { cachePolicyFor, expiresAt } from '../isr/cache-policy.ts';
import { listPosts } from '../lib/posts.ts';

/** ISR JSON: cached at the edge exactly like the HTML pages. */
export const GET: APIRoute = async ({ locals, routePattern }) => {
	const posts = await listPosts();
	const policy = cachePolicyFor(routePattern, 200, isr);
	const expiry = expiresAt(locals.generatedAt, policy);
	return Response.json({
		generatedAt: locals.generatedAt.toISOString(),
		expiresAt: expiry?.toISOString() ?? null,
		expiration: isr.expiration,
		posts: posts.map((post) => ({
			slug: post.id,
			title: post.data.title,
			publishedAt: post.data.publishedAt.toISOString(),
			url: `/blog/${post.id}`,
		})),
	});
};

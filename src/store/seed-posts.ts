import type { Post } from './post.ts';

/**
 * The posts bundled with the build: served read-only when no database is connected, and the
 * first content of a new database (`npm start`, `npm run db:migrate -- --seed`).
 */
export const SEED_POSTS: readonly Post[] = [
	{
		slug: 'hello-world',
		title: 'Hello, world',
		published: true,
		publishedAt: new Date('2026-11-01T00:00:00.000Z'),
		updatedAt: new Date('2026-11-01T00:00:00.000Z'),
		body: `This post was not rendered at build time. The first request for \`/blog/hello-world\` rendered it in
the ISR function, and Vercel's edge keeps that render until it expires or someone revalidates it.

Look at the render time above, reload, and it stays the same: that is the cache at work.
`,
	},
	{
		slug: 'on-demand-revalidation',
		title: 'On-demand revalidation',
		published: true,
		publishedAt: new Date('2026-11-08T00:00:00.000Z'),
		updatedAt: new Date('2026-11-08T00:00:00.000Z'),
		body: `When content changes, waiting for the expiration means readers see the old page for up to a minute.
A \`GET\` to the page with \`x-prerender-revalidate: <bypassToken>\` makes Vercel render it again at once
and answer \`x-vercel-cache: REVALIDATED\`. This site's \`/api/revalidate\` endpoint does exactly that,
for each path you name, and tells you whether it worked.
`,
	},
	{
		slug: 'cache-headers',
		title: 'Deliberate cache headers',
		published: true,
		publishedAt: new Date('2026-11-15T00:00:00.000Z'),
		updatedAt: new Date('2026-11-15T00:00:00.000Z'),
		body: `Browsers get \`Cache-Control: public, max-age=0, must-revalidate\`, so a revalidated page shows on the
next load. The edge lifetime comes from ISR's expiration. API routes and the SSR page answer
\`no-store\`, and content-hashed assets under \`/_astro/\` are immutable.
`,
	},
];

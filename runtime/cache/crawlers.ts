/**
 * Crawlers that get a prerender output's full render instead of its fallback (`BYPASS`, reason
 * "Crawler"), so they index the page rather than the build-time placeholder.
 *
 * @see https://vercel.com/docs/caching/cache-status ("Crawler")
 * @see docs/vercel-isr-semantics.md §2.1
 */

/** User-agent tokens of well-known crawlers and link-preview fetchers, matched case-insensitively. */
export const CRAWLER_USER_AGENT_TOKENS: readonly string[] = [
	'Googlebot',
	'Google-InspectionTool',
	'Storebot-Google',
	'AdsBot-Google',
	'Mediapartners-Google',
	'Bingbot',
	'BingPreview',
	'Slurp',
	'DuckDuckBot',
	'Baiduspider',
	'YandexBot',
	'Applebot',
	'facebookexternalhit',
	'Facebot',
	'Twitterbot',
	'LinkedInBot',
	'Slackbot',
	'Discordbot',
	'TelegramBot',
	'WhatsApp',
	'Pinterestbot',
	'redditbot',
	'Embedly',
	'Yeti',
	'SeznamBot',
	'PetalBot',
];

const CRAWLER = new RegExp(
	CRAWLER_USER_AGENT_TOKENS.map((token) => token.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).join('|'),
	'i',
);

export function isCrawler(userAgent: string | null): boolean {
	return userAgent !== null && CRAWLER.test(userAgent);
}

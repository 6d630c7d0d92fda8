/** The site's own wire names, defined once. */

/** Response header carrying the render time of the page (ISO-8601). Read by the home page and the revalidation cooldown. */
export const GENERATED_AT_HEADER = 'x-generated-at';

/** The one element on a page that carries the page's own render time. */
export const GENERATED_AT_ATTRIBUTE = 'data-generated-at';

/** The element showing when the page's edge copy expires (absent when only revalidation ends it). */
export const EXPIRES_AT_ATTRIBUTE = 'data-expires-at';

/** Response header listing the content tags a page shows (`posts`, `post:<slug>`), comma-separated. */
export const CONTENT_TAGS_HEADER = 'x-content-tags';

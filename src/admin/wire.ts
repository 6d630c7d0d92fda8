/** The admin area's wire names (cookie, form fields, paths), defined once. */

/** The signed session cookie; scoped to `/admin` so no public page ever receives it. */
export const SESSION_COOKIE = 'admin_session';
export const ADMIN_PATH = '/admin';

/** Form field names shared by the pages that render the forms and the parsers that read them. */
export const FIELD = {
	secret: 'secret',
	slug: 'slug',
	title: 'title',
	body: 'body',
	published: 'published',
	expectedUpdatedAt: 'expectedUpdatedAt',
	path: 'path',
} as const;

export const editPath = (slug: string) => `${ADMIN_PATH}/posts/${slug}`;
export const deletePath = (slug: string) => `${ADMIN_PATH}/posts/${slug}/delete`;
export const previewPath = (slug: string) => `${ADMIN_PATH}/preview/${slug}`;
export const NEW_POST_PATH = `${ADMIN_PATH}/new`;
export const SIGN_IN_PATH = `${ADMIN_PATH}/sign-in`;
export const SIGN_OUT_PATH = `${ADMIN_PATH}/sign-out`;
export const RETRY_PATH = `${ADMIN_PATH}/revalidate`;

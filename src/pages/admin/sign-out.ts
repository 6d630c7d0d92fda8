import type { APIRoute } from 'astro';
import { endSession } from '../../admin/context.ts';
import { ADMIN_PATH } from '../../admin/wire.ts';

/** `POST /admin/sign-out`: ends the session (a POST, so no link or image can sign anyone out). */
export const POST: APIRoute = (context) => {
	endSession(context);
	return context.redirect(ADMIN_PATH, 303);
};

export const ALL: APIRoute = () =>
	new Response('Sign out with the Sign out button (POST).', {
		status: 405,
		headers: { allow: 'POST' },
	});

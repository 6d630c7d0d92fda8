/**
 * The server entry of both functions (`_isr` and `_render`): `@astrojs/vercel`'s entrypoint
 * behind {@link screenRequest}. The integration resolves `@astrojs/vercel/entrypoint` here.
 */
import adapterEntrypoint from '@astrojs/vercel/entrypoint';
import { middlewareSecret } from 'virtual:astro-vercel:config';
import { screenRequest } from './request-screen.ts';

export default {
	fetch(request: Request): Promise<Response> {
		const refusal = screenRequest(request, middlewareSecret);
		return refusal ? Promise.resolve(refusal) : adapterEntrypoint.fetch(request);
	},
};

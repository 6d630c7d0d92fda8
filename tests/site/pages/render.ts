import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import type { APIContext } from 'astro';
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
import { onRequest } from '../../../src/middleware.ts';

export const RENDER_TIME = new Date('2026-11-22T12:00:00.000Z');

/**
 * Renders a page with the Container API behind the site's real middleware, so the result has the
 * headers a deployed function would send.
 */
export async function renderRoute(
	component: AstroComponentFactory,
	{
		path,
		routePattern,
		params,
	}: { path: string; routePattern: string; params?: Record<string, string> },
): Promise<Response> {
	const container = await AstroContainer.create();
	const request = new Request(`https://example.test${path}`);
	const locals = {} as App.Locals;
	const context = {
		request,
		url: new URL(request.url),
		locals,
		routePattern,
		params,
	} as unknown as APIContext;
	const response = await onRequest(context, () =>
		container.renderToResponse(component, { request, locals, params, routeType: 'page' }),
	);
	if (!(response instanceof Response)) throw new Error('middleware returned no Response');
	return response;
}

/** The router, for tools that ask where a request goes (`@astro-isr/vercel-runtime/routing`). */
export { createRouter, route, type Router } from './route.ts';
export { compileSrc } from '../output/route-patterns.ts';
export type { FilesystemIndex, OutputKind, RouteResult, RoutingRequest } from './types.ts';
export type { Route } from '../output/config-schema.ts';

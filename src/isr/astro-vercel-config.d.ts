/** `@astrojs/vercel`'s build-time values for its entrypoint (its `vite-plugin-config.js`). */
declare module 'virtual:astro-vercel:config' {
	/** Per build; also the `x_astro_path_token` of every ISR rewrite. */
	export const middlewareSecret: string;
}

// @ts-check
import vercel from '@astrojs/vercel';
import { defineConfig, envField } from 'astro/config';
import { fileURLToPath } from 'node:url';
import { loadEnv } from 'vite';
import { resolveIsrConfig } from './src/isr/config.ts';
import { isrConfigIntegration } from './src/isr/integration.ts';
import { SITE_CSP_DIRECTIVES } from './src/isr/security-headers.ts';

// Astro does not load `.env` files for its own config; the process environment still wins.
// https://docs.astro.build/en/guides/environment-variables/#in-the-astro-config-file
const root = fileURLToPath(new URL('.', import.meta.url));
const env = { ...loadEnv(process.env.NODE_ENV ?? 'production', root, ''), ...process.env };
const isr = resolveIsrConfig(env);

// https://astro.build/config
export default defineConfig({
	output: 'server',
	// One URL per page: `/isr/` redirects to `/isr`, so a page never has two ISR cache keys.
	trailingSlash: 'never',
	adapter: vercel({
		isr: {
			expiration: isr.expiration,
			bypassToken: isr.bypassToken,
			exclude: [...isr.exclude],
		},
	}),
	integrations: [isrConfigIntegration(isr)],
	// Hashes of every inline script and style, sent as a header on on-demand pages; the other
	// directives and headers are in src/isr/security-headers.ts.
	// https://docs.astro.build/en/reference/configuration-reference/#securitycsp
	security: {
		csp: { algorithm: 'SHA-256', directives: [...SITE_CSP_DIRECTIVES] },
	},
	// Shiki colours code with `style` attributes, which the policy refuses; Prism uses classes.
	markdown: { syntaxHighlight: 'prism' },
	// Read at run time by server code through `astro:env/server`; never sent to the browser.
	// https://docs.astro.build/en/guides/environment-variables/#type-safe-environment-variables
	env: {
		schema: {
			REVALIDATE_SECRET: envField.string({ context: 'server', access: 'secret', optional: true }),
			REVALIDATE_HOSTS: envField.string({ context: 'server', access: 'secret', optional: true }),
			VERCEL_AUTOMATION_BYPASS_SECRET: envField.string({
				context: 'server',
				access: 'secret',
				optional: true,
			}),
			TURSO_DATABASE_URL: envField.string({ context: 'server', access: 'secret', optional: true }),
			TURSO_AUTH_TOKEN: envField.string({ context: 'server', access: 'secret', optional: true }),
			CONTENT_DATABASE_URL: envField.string({
				context: 'server',
				access: 'secret',
				optional: true,
			}),
			// Checked by the editor itself (src/admin/access.ts), so a short one disables /admin with a
			// message instead of failing every page.
			ADMIN_SECRET: envField.string({ context: 'server', access: 'secret', optional: true }),
			ADMIN_PREVIEW_WRITES: envField.string({
				context: 'server',
				access: 'secret',
				optional: true,
			}),
			VERCEL: envField.string({ context: 'server', access: 'secret', optional: true }),
			VERCEL_ENV: envField.string({ context: 'server', access: 'secret', optional: true }),
			VERCEL_URL: envField.string({ context: 'server', access: 'secret', optional: true }),
			VERCEL_BRANCH_URL: envField.string({ context: 'server', access: 'secret', optional: true }),
			VERCEL_PROJECT_PRODUCTION_URL: envField.string({
				context: 'server',
				access: 'secret',
				optional: true,
			}),
		},
	},
});

/**
 * `npm start`: builds the site when `.vercel/output` is missing, older than its sources, or built
 * with other ISR settings, then serves it with the local Vercel runtime (flags as `npm run serve`).
 *
 * Content: unless the environment names a database, the site reads the local file
 * `.data/content.db` (through CONTENT_DATABASE_URL), created, migrated and seeded on first run
 * and migrated on every start. A hosted database named by TURSO_DATABASE_URL is never migrated
 * implicitly: that is `npm run db:migrate`.
 *
 * Editor: without ADMIN_SECRET in the shell or `.env`, a secret is generated for this run and
 * printed under the banner, so a fresh clone's `npm install && npm start` can sign in at /admin.
 */
import { main, readProjectEnv } from '@astro-isr/vercel-runtime';
import { ADMIN_SECRET_ENV } from '../src/admin/access.ts';
import { adminBannerLine, adminSecretFor } from './lib/admin-secret.ts';
import { ensureBuild } from './lib/ensure-build.ts';
import {
	CONTENT_DATABASE_URL_ENV,
	databaseFor,
	describeDatabase,
	migrate,
	readStoreEnv,
} from './lib/content-database.ts';

async function prepareContent(): Promise<string> {
	const config = databaseFor(await readStoreEnv());
	if (config.client === 'http')
		return `Content: ${describeDatabase(config)} (migrate it with npm run db:migrate)`;
	const result = await migrate(config, { seed: true });
	if (config.local) process.env[CONTENT_DATABASE_URL_ENV] = config.url;
	return `Content: ${describeDatabase(config)}${result.fresh ? ` (new, ${result.seeded} seed posts)` : ''}`;
}

try {
	const content = await prepareContent();
	await ensureBuild();
	console.info(content);
	const adminSecret = adminSecretFor((await readProjectEnv(process.cwd()))[ADMIN_SECRET_ENV]);
	// Functions run in this process and read it at run time; never written to disk.
	if (adminSecret.source === 'generated') process.env[ADMIN_SECRET_ENV] = adminSecret.secret;
	await main(process.argv.slice(2));
	if (!process.argv.includes('--help') && !process.argv.includes('-h')) {
		console.info(adminBannerLine(adminSecret));
	}
} catch (error) {
	console.error(error instanceof Error ? error.message : String(error));
	process.exitCode = 1;
}

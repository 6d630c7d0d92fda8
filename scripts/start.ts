/**
 * `npm start`: builds the site when `.vercel/output` is missing, older than its sources, or built
 * with other ISR settings, then serves it with the local Vercel runtime (flags as `npm run serve`)
 * and rebuilds on every saved change to the sources, each build a new deployment. `--no-watch`
 * serves without watching; `--preview` (`npm run preview`) serves the existing build as it is.
 *
 * Content: unless the environment names a database, the site reads the local file
 * `.data/content.db` (through CONTENT_DATABASE_URL), created, migrated and seeded on first run
 * and migrated on every start. A hosted database named by TURSO_DATABASE_URL is never migrated
 * implicitly: that is `npm run db:migrate`.
 *
 * Editor: without ADMIN_SECRET in the shell or `.env`, a secret is generated for this run and
 * printed under the banner, so a fresh clone's `npm install && npm start` can sign in at /admin.
 */
import { stat } from 'node:fs/promises';
import { main, parseCliOptions, readProjectEnv } from '@astro-isr/vercel-runtime';
import { ADMIN_SECRET_ENV } from '../src/admin/access.ts';
import { adminBannerLine, adminSecretFor } from './lib/admin-secret.ts';
import { ensureBuild, OUTPUT_DIR, PROJECT_ROOT } from './lib/ensure-build.ts';
import { followEdits } from './lib/watch/follow-edits.ts';
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

const OWN_FLAGS = ['--no-watch', '--preview'];
const runtimeArgv = process.argv.slice(2).filter((arg) => !OWN_FLAGS.includes(arg));
const preview = process.argv.includes('--preview');
const watch = !preview && !process.argv.includes('--no-watch');

/** Serves through a proxy that follows rebuilds, each deployment in a child process. */
async function serveWatching(): Promise<void> {
	const options = parseCliOptions(runtimeArgv, process.env);
	const running = await followEdits({
		projectRoot: PROJECT_ROOT,
		outputDir: OUTPUT_DIR,
		port: options.port,
		host: options.host,
		runtimeArgs:
			options.maxCacheBytes === undefined
				? []
				: ['--max-cache-bytes', String(options.maxCacheBytes)],
		quiet: options.quiet,
		watch: true,
	});
	let stopping = false;
	const shutdown = async (signal: string) => {
		if (stopping) process.exit(130);
		stopping = true;
		console.info(`\n${signal}: finishing requests and background regenerations…`);
		await running.close();
		process.exit(0);
	};
	process.on('SIGINT', () => void shutdown('SIGINT'));
	process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

try {
	const help = runtimeArgv.includes('--help') || runtimeArgv.includes('-h');
	const content = await prepareContent();
	if (!preview) await ensureBuild();
	else if ((await stat(`${OUTPUT_DIR}/config.json`).catch(() => null)) === null)
		throw new Error(
			'No build in .vercel/output to preview: run npm run build (or npm start) first.',
		);
	console.info(content);
	const adminSecret = adminSecretFor((await readProjectEnv(process.cwd()))[ADMIN_SECRET_ENV]);
	// Functions read it at run time (in this process or a deployment's child); never written to disk.
	if (adminSecret.source === 'generated') process.env[ADMIN_SECRET_ENV] = adminSecret.secret;
	if (watch && !help) await serveWatching();
	else await main(runtimeArgv);
	if (!help) console.info(adminBannerLine(adminSecret));
} catch (error) {
	console.error(error instanceof Error ? error.message : String(error));
	process.exitCode = 1;
}

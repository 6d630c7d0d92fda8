/**
 * `npm start`: builds the site when `.vercel/output` is missing, older than its sources, or built
 * with other ISR settings, then serves it with the local Vercel runtime (flags as `npm run serve`).
 */
import { main } from '../runtime/cli.ts';
import { ensureBuild } from './lib/ensure-build.ts';

try {
	await ensureBuild();
	await main(process.argv.slice(2));
} catch (error) {
	console.error(error instanceof Error ? error.message : String(error));
	process.exitCode = 1;
}

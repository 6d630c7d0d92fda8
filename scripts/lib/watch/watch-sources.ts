/**
 * Watches the build inputs `npm start` follows: `src/`, `public/`, `astro.config.mjs` and the
 * `.env` files, with chokidar, which reports when its watches are in place (Node's recursive
 * `fs.watch` sets them up in the background on Linux and misses a save made meanwhile) and follows
 * editors that save by replacing the file. `.data/` is content, not source: a store edit goes
 * through revalidation, as deployed, never a rebuild.
 */
import { watch } from 'chokidar';

export const WATCHED_FOLDERS = ['src', 'public'];
export const WATCHED_FILES = [
	'astro.config.mjs',
	'.env',
	'.env.local',
	'.env.production',
	'.env.production.local',
];

export interface SourceWatcher {
	close(): Promise<void>;
}

/**
 * Calls `onChange` with the project-relative paths that changed, once `debounceMs` pass without a
 * further change. Resolves once every watch is in place.
 */
export async function watchSources(
	root: string,
	onChange: (paths: readonly string[]) => void,
	debounceMs = 150,
): Promise<SourceWatcher> {
	let pending = new Set<string>();
	let timer: NodeJS.Timeout | undefined;
	const watcher = watch([...WATCHED_FOLDERS, ...WATCHED_FILES], { cwd: root, ignoreInitial: true });
	watcher.on('all', (_event, path) => {
		pending.add(path);
		clearTimeout(timer);
		timer = setTimeout(() => {
			const paths = [...pending].sort();
			pending = new Set();
			onChange(paths);
		}, debounceMs);
	});
	await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
	return {
		async close() {
			clearTimeout(timer);
			await watcher.close();
		},
	};
}

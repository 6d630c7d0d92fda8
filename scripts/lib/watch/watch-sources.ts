/**
 * Watches the build inputs `npm start` follows: `src/` and `public/` (recursive `fs.watch`, which
 * Node supports on Linux, macOS and Windows), `astro.config.mjs` and the `.env` files. `.data/` is
 * content, not source: a store edit goes through revalidation, as deployed, never a rebuild.
 */
import { watch, type FSWatcher } from 'node:fs';

export const WATCHED_FOLDERS = ['src', 'public'];
export const WATCHED_FILES = [
	'astro.config.mjs',
	'.env',
	'.env.local',
	'.env.production',
	'.env.production.local',
];

export interface SourceWatcher {
	close(): void;
}

/**
 * Calls `onChange` with the project-relative paths that changed, once `debounceMs` pass without a
 * further change.
 */
export function watchSources(
	root: string,
	onChange: (paths: readonly string[]) => void,
	debounceMs = 150,
): SourceWatcher {
	let pending = new Set<string>();
	let timer: NodeJS.Timeout | undefined;
	const note = (path: string) => {
		pending.add(path);
		clearTimeout(timer);
		timer = setTimeout(() => {
			const paths = [...pending].sort();
			pending = new Set();
			onChange(paths);
		}, debounceMs);
	};
	const watchers: FSWatcher[] = WATCHED_FOLDERS.map((folder) =>
		watch(`${root}${folder}`, { recursive: true }, (_event, name) => {
			if (name !== null) note(`${folder}/${name}`);
		}),
	);
	// The files are watched through their folder: editors replace a file on save, which ends a
	// watch on the file itself, and a `.env` may not exist yet.
	watchers.push(
		watch(root, (_event, name) => {
			if (name !== null && WATCHED_FILES.includes(name)) note(name);
		}),
	);
	return {
		close() {
			clearTimeout(timer);
			for (const watcher of watchers) watcher.close();
		},
	};
}

/**
 * The part of a failed build's log a person needs: the error lines and the few after each (the
 * file, the code frame), without Vite's progress lines or the stack inside Astro.
 */
const ERROR_LINE = /\berror\b|\[ERROR\]|✘|failed/i;
const STACK_FRAME = /^\s+at\s/;

// ANSI colour codes, which the build prints when FORCE_COLOR is set.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

export function buildErrorExcerpt(log: string, maxLines = 12): string {
	const lines = log.replace(ANSI, '').split('\n');
	const keep = new Set<number>();
	lines.forEach((line, index) => {
		if (!ERROR_LINE.test(line)) return;
		for (let next = index; next < Math.min(lines.length, index + 5); next++) {
			if (!STACK_FRAME.test(lines[next] ?? '')) keep.add(next);
		}
	});
	const picked = [...keep]
		.sort((a, b) => a - b)
		.map((index) => lines[index]?.trimEnd() ?? '')
		.filter((line) => line.trim() !== '');
	const unique = picked.filter((line, index) => picked.indexOf(line) === index);
	if (unique.length === 0)
		return lines
			.filter((line) => line.trim() !== '')
			.slice(-maxLines)
			.join('\n');
	return unique.slice(0, maxLines).join('\n');
}

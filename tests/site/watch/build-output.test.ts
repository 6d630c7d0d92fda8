import { describe, expect, it } from 'vitest';
import { buildErrorExcerpt } from '../../../scripts/lib/watch/build-errors.ts';
import { rebuiltLine } from '../../../scripts/lib/watch/follow-edits.ts';

describe('buildErrorExcerpt', () => {
	it('keeps the error and the lines that locate it, not the progress lines or stack frames', () => {
		const log = [
			'10:00:01 [vite] building client',
			'10:00:02 [vite] ✓ 12 modules transformed.',
			'\u001b[31m[ERROR] [CompilerError] Unable to assign attributes when using <> Fragment shorthand syntax!\u001b[39m',
			'  Location:',
			'    /site/src/pages/isr.astro:12:3',
			'    at Object.compile (node_modules/astro/dist/core/compile.js:10:5)',
			'    at async build (node_modules/astro/dist/core/build.js:20:7)',
			'10:00:03 [build] done',
		].join('\n');
		expect(buildErrorExcerpt(log)).toBe(
			[
				'[ERROR] [CompilerError] Unable to assign attributes when using <> Fragment shorthand syntax!',
				'  Location:',
				'    /site/src/pages/isr.astro:12:3',
			].join('\n'),
		);
	});

	it('falls back to the last lines when no line names an error', () => {
		const log = Array.from({ length: 30 }, (_, index) => `line ${index}`).join('\n');
		expect(buildErrorExcerpt(log, 3)).toBe('line 27\nline 28\nline 29');
	});
});

describe('rebuiltLine', () => {
	it('says how long the build took, that the deployment is new, and how many files changed', () => {
		expect(rebuiltLine(3420, 1)).toBe(
			'Rebuilt in 3.4 s: new deployment, ISR cache cleared (1 file changed)',
		);
		expect(rebuiltLine(12_000, 3)).toContain('(3 files changed)');
	});
});

/**
 * The table `astro build` ends with: how each route will be served. Pure: rows in, Markdown out.
 */
import { ASTRO_ISR_FUNCTION } from './rule-output.ts';

export interface ReportRoute {
	readonly pattern: string;
	readonly served: 'isr' | 'excluded' | 'static';
}

export interface ReportRule {
	readonly pattern: string;
	readonly functionName: string;
	readonly expiration: number | false;
	readonly allowQuery: readonly string[];
	readonly prerendered: readonly string[];
}

export const REPORT_HEADER = ['route', 'function', 'expiration', 'allowQuery', 'prerendered paths'];

/** At most this many prerendered paths are named; the rest are counted. */
const NAMED_PATHS = 3;

function expirationText(expiration: number | false): string {
	return expiration === false ? 'until revalidated' : `${expiration} s`;
}

function pathsText(paths: readonly string[]): string {
	if (paths.length === 0) return '–';
	const named = paths.slice(0, NAMED_PATHS).join(', ');
	return paths.length > NAMED_PATHS ? `${named} (+${paths.length - NAMED_PATHS} more)` : named;
}

export function reportRows(
	routes: readonly ReportRoute[],
	rules: readonly ReportRule[],
	siteExpiration: number | false,
): string[][] {
	return routes.map(({ pattern, served }) => {
		if (served === 'excluded') return [pattern, '_render', 'never cached', '–', '–'];
		if (served === 'static') return [pattern, 'static file', '–', '–', '–'];
		const rule = rules.find((candidate) => candidate.pattern === pattern);
		if (rule === undefined) {
			return [pattern, ASTRO_ISR_FUNCTION, expirationText(siteExpiration), '–', '–'];
		}
		return [
			pattern,
			rule.functionName,
			expirationText(rule.expiration),
			rule.allowQuery.length > 0 ? rule.allowQuery.join(', ') : '–',
			pathsText(rule.prerendered),
		];
	});
}

/** A Markdown table, padded so it also reads in a terminal. */
export function formatTable(rows: readonly (readonly string[])[]): string {
	const all = [REPORT_HEADER, ...rows];
	const widths = REPORT_HEADER.map((_, column) =>
		Math.max(...all.map((row) => (row[column] ?? '').length)),
	);
	const line = (row: readonly string[]) =>
		`| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
	const rule = `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`;
	return [line(REPORT_HEADER), rule, ...rows.map(line)].join('\n');
}

export interface Row {
	readonly measure: string;
	readonly value: string;
	readonly reference: string;
	readonly comparison: string;
}

export function mib(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** A Markdown table, so the output pastes into an issue or a README as is. */
export function formatTable(rows: readonly Row[]): string {
	const header = ['Measure', 'Result', 'Reference (same run)', 'Comparison'];
	const lines = [
		header,
		header.map(() => '---'),
		...rows.map((row) => [row.measure, row.value, row.reference, row.comparison]),
	];
	return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/**
 * The biggest kinds of object in a V8 heap snapshot (`.heapsnapshot`), by total self size: what
 * the live heap consists of. Node names are constructor names for objects, the node type otherwise.
 */
import { readFile } from 'node:fs/promises';

interface Snapshot {
	snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
	nodes: number[];
	strings: string[];
}

export async function heapSummary(path: string, top = 12): Promise<[string, number, number][]> {
	const { snapshot, nodes, strings } = JSON.parse(await readFile(path, 'utf8')) as Snapshot;
	const fields = snapshot.meta.node_fields;
	const width = fields.length;
	const typeAt = fields.indexOf('type');
	const nameAt = fields.indexOf('name');
	const sizeAt = fields.indexOf('self_size');
	const types = snapshot.meta.node_types[0];
	const totals = new Map<string, [number, number]>();
	for (let index = 0; index < nodes.length; index += width) {
		const type = types[nodes[index + typeAt]!]!;
		const label =
			type === 'object' || type === 'closure' ? strings[nodes[index + nameAt]!]! : `(${type})`;
		const total = totals.get(label) ?? [0, 0];
		total[0] += nodes[index + sizeAt]!;
		total[1] += 1;
		totals.set(label, total);
	}
	return [...totals]
		.map(([label, [bytes, count]]): [string, number, number] => [label, bytes, count])
		.sort((a, b) => b[1] - a[1])
		.slice(0, top);
}

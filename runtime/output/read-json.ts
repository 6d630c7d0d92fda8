/**
 * Reads a JSON file of the output folder and validates it, failing with one message that names the
 * file and every problem in it, e.g.
 * `Invalid .vercel/output/functions/_isr.prerender-config.json: expiration must be >= 0`.
 */
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';

/** Parses `text` (the contents of `displayPath`) with `schema`; throws a message naming the file. */
export function parseJsonText<T extends z.ZodType>(
	text: string,
	schema: T,
	displayPath: string,
): z.infer<T> {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		throw new Error(`Invalid ${displayPath}: not valid JSON (${reason})`, { cause: error });
	}
	const result = schema.safeParse(value);
	if (!result.success) {
		throw new Error(`Invalid ${displayPath}: ${result.error.issues.map(describeIssue).join('; ')}`);
	}
	return result.data;
}

export async function readJsonFile<T extends z.ZodType>(
	file: string,
	schema: T,
	displayPath: string,
): Promise<z.infer<T>> {
	return parseJsonText(await readFile(file, 'utf8'), schema, displayPath);
}

/** `routes[3].src` */
function formatPath(path: readonly PropertyKey[]): string {
	return path
		.map((key, index) => {
			if (typeof key === 'number') return `[${key}]`;
			return index === 0 ? String(key) : `.${String(key)}`;
		})
		.join('');
}

function received(message: string): string {
	const match = /received (\w+)/.exec(message);
	return match ? ` (received ${match[1]})` : '';
}

function expectation(issue: z.core.$ZodIssue): string {
	switch (issue.code) {
		case 'invalid_type':
			return issue.expected;
		case 'invalid_value':
			return issue.values.map((value) => JSON.stringify(value)).join(' or ');
		default:
			return issue.message;
	}
}

// Zod's own messages start like this; a schema's custom message is used as written.
const DEFAULT_MESSAGE = /^(Invalid|Too (small|big))\b/;

function problem(issue: z.core.$ZodIssue): string {
	if (!DEFAULT_MESSAGE.test(issue.message)) return issue.message;
	switch (issue.code) {
		case 'invalid_type':
			return `must be ${issue.expected}${received(issue.message)}`;
		case 'invalid_union': {
			const alternatives = issue.errors.flatMap((branch) => branch.slice(0, 1)).map(expectation);
			const first = issue.errors[0]?.[0];
			return `must be ${alternatives.join(' or ')}${first ? received(first.message) : ''}`;
		}
		case 'invalid_value':
			return `must be ${expectation(issue)}`;
		case 'too_small':
			return issue.origin === 'number'
				? `must be ${issue.inclusive ? '>=' : '>'} ${issue.minimum}`
				: issue.message;
		case 'too_big':
			return issue.origin === 'number'
				? `must be ${issue.inclusive ? '<=' : '<'} ${issue.maximum}`
				: issue.message;
		default:
			return issue.message;
	}
}

function describeIssue(issue: z.core.$ZodIssue): string {
	const path = formatPath(issue.path);
	const text = problem(issue);
	const lastKey = issue.path.at(-1);
	// Custom messages may already start with the field's name ("bypassToken must be …").
	if (path === '' || (typeof lastKey === 'string' && text.startsWith(lastKey))) return text;
	return `${path} ${text}`;
}

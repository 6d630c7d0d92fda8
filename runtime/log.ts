/**
 * What the runtime prints: a start banner, one line per request, warnings and errors. Colour only
 * when writing to a terminal (`util.styleText` checks the stream and NO_COLOR/FORCE_COLOR). Every
 * line has its secrets redacted and its control characters escaped here, at the boundary.
 */
import { styleText } from 'node:util';
import { createRedactor, escapeControl, type LogSecrets } from './log-safety.ts';
import type { Output } from './output/types.ts';
import { describeSrc, publicRoutesTo } from './routing/describe.ts';

export interface RequestLogLine {
	readonly method: string;
	readonly path: string;
	readonly status: number;
	readonly cache: string | null;
	readonly ms: number;
}

export interface Logger {
	request(line: RequestLogLine): void;
	info(message: string): void;
	warn(message: string): void;
	error(message: string, error?: unknown): void;
	/** Redacts these secrets (those of the loaded output) from every later line. */
	addSecrets?(secrets: LogSecrets): void;
}

type Style = Parameters<typeof styleText>[0];

export interface LoggerOptions {
	readonly quiet?: boolean;
	/** Where lines go; default stdout (info) and stderr (warnings, errors). */
	readonly write?: (line: string, stream: 'out' | 'err') => void;
	/** Force colour on or off; default: when the stream is a terminal. */
	readonly color?: boolean;
}

function statusStyle(status: number): Style {
	if (status >= 500) return 'red';
	if (status >= 400) return 'yellow';
	if (status >= 300) return 'cyan';
	return 'green';
}

/**
 * One colour per `x-vercel-cache` value, so a glance down the terminal shows what the cache did:
 * served from cache green, rendered now yellow, stale or background work magenta, uncached dim.
 */
const CACHE_STYLES: Readonly<Record<string, Style>> = {
	HIT: 'green',
	PRERENDER: 'green',
	MISS: 'yellow',
	STALE: 'magenta',
	REVALIDATED: 'cyan',
	BYPASS: 'blue',
};

export function cacheStyle(cache: string | null): Style {
	return (cache !== null && CACHE_STYLES[cache]) || 'dim';
}

/** `GET /isr 200 HIT 3 ms`, padded into columns. */
export function formatRequestLine(
	line: RequestLogLine,
	paint: (style: Style, text: string) => string,
) {
	const ms = line.ms < 10 ? line.ms.toFixed(1) : Math.round(line.ms).toString();
	return [
		paint('bold', line.method.padEnd(6)),
		line.path,
		paint(statusStyle(line.status), String(line.status)),
		paint(cacheStyle(line.cache), line.cache ?? '-'),
		paint('dim', `${ms} ms`),
	].join(' ');
}

/**
 * The message, then the error's own message and its stack frames on lines of their own. Only the
 * line breaks between frames are kept: a message's own line breaks are escaped like any control
 * character, so it cannot print a line that looks like another.
 */
function errorText(message: string, error: unknown, clean: (text: string) => string): string {
	const lines = [clean(message)];
	if (error instanceof Error) {
		const head = error.message === '' ? error.name : `${error.name}: ${error.message}`;
		const stack = error.stack ?? head;
		lines.push(clean(head));
		const frames = stack.startsWith(head) ? stack.slice(head.length) : `\n${stack}`;
		lines.push(
			...frames
				.split('\n')
				.filter((line) => line !== '')
				.map(clean),
		);
	} else if (error !== undefined) {
		lines.push(clean(String(error)));
	}
	return lines.join('\n');
}

export function createLogger(options: LoggerOptions = {}): Logger {
	const write =
		options.write ??
		((line: string, stream: 'out' | 'err') =>
			(stream === 'out' ? process.stdout : process.stderr).write(`${line}\n`));
	const paint = (style: Style, text: string) =>
		options.color === false
			? text
			: styleText(
					style,
					text,
					options.color ? { validateStream: false } : { stream: process.stdout },
				);
	let redact = (text: string) => text;
	const clean = (text: string) => escapeControl(redact(text));
	// The runtime's own multi-line texts (the banner) keep their line breaks.
	const cleanLines = (text: string) => text.split('\n').map(clean).join('\n');
	return {
		request: (line) =>
			options.quiet ||
			write(
				formatRequestLine(
					{
						...line,
						method: clean(line.method),
						path: clean(line.path),
						cache: line.cache === null ? null : clean(line.cache),
					},
					paint,
				),
				'out',
			),
		info: (message) => options.quiet || write(cleanLines(message), 'out'),
		warn: (message) => write(paint('yellow', `warning: ${clean(message)}`), 'err'),
		error: (message, error) => write(paint('red', errorText(message, error, clean)), 'err'),
		addSecrets(secrets) {
			const previous = redact;
			const next = createRedactor(secrets);
			redact = (text) => next(previous(text));
		},
	};
}

/** A logger that prints nothing (tests). */
export const silentLogger: Logger = {
	request: () => undefined,
	info: () => undefined,
	warn: () => undefined,
	error: () => undefined,
};

function count(n: number, noun: string): string {
	return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function seconds(expiration: number | false): string {
	return expiration === false ? 'until revalidated' : `${expiration} s`;
}

/** The start banner: where it listens, what it serves, and which routes are ISR-cached. */
export function formatBanner(url: string, output: Output): string {
	const counts = [
		count(output.staticFileCount, 'static file'),
		count(output.functions.length - output.prerenders.length, 'function'),
		count(output.prerenders.length, 'prerender function'),
	];
	const lines = [
		`Vercel runtime ready at ${url}`,
		`  output  ${output.displayDir} (${counts.join(', ')})`,
	];
	for (const prerender of output.prerenders) {
		const sources = publicRoutesTo(output.routes, prerender.outputPath).map(describeSrc);
		const via = sources.length > 0 ? `${sources.join(', ')} → ` : '';
		lines.push(
			`  ISR     ${via}${prerender.outputPath} (${seconds(prerender.prerender.config.expiration)})`,
		);
	}
	return lines.join('\n');
}

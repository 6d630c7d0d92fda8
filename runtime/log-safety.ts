/**
 * What makes a log line safe to print: no secret a visitor could use, and no control character
 * that could clear or recolour the terminal of the person running the server.
 */
import { PRERENDER_BYPASS_COOKIE, PRERENDER_REVALIDATE_HEADER } from './wire.ts';
import type { Output } from './output/types.ts';

const REDACTED = '[redacted]';

/** Shorter literals are not redacted: they would hide ordinary words. Bypass tokens have ≥ 32. */
const MIN_SECRET_LENGTH = 16;

// Route `dest` parameters whose fixed value authenticates the route, e.g. Astro's per-build
// `x_astro_path_token` (with it a visitor can choose the page the ISR function renders).
const SECRET_PARAM_NAME = /token|secret/i;

export interface LogSecrets {
	/** Values redacted wherever they appear. */
	readonly values: readonly string[];
	/** Query parameter or cookie names whose value is redacted, whatever it is. */
	readonly names: readonly string[];
}

/** Query parameters a route's `dest` sets to a fixed value (no `$1` substitution). */
function fixedDestParams(dest: string): [string, string][] {
	const query = dest.indexOf('?');
	if (query === -1) return [];
	return [...new URLSearchParams(dest.slice(query + 1))].filter(
		([, value]) => !value.includes('$'),
	);
}

/**
 * The secrets an output holds: every prerender `bypassToken`, and the fixed values of route
 * `dest` parameters named like a token or secret. Visitors' `__prerender_bypass` cookies and
 * `x-prerender-revalidate` headers are redacted by name, whatever their value.
 */
export function logSecretsOf(output: Pick<Output, 'routes' | 'prerenders'>): LogSecrets {
	const values = new Set<string>();
	const names = new Set<string>([PRERENDER_BYPASS_COOKIE, PRERENDER_REVALIDATE_HEADER]);
	for (const { prerender } of output.prerenders) {
		if (prerender.config.bypassToken !== undefined) values.add(prerender.config.bypassToken);
	}
	for (const route of output.routes) {
		if (!('dest' in route) || typeof route.dest !== 'string') continue;
		for (const [name, value] of fixedDestParams(route.dest)) {
			if (!SECRET_PARAM_NAME.test(name)) continue;
			names.add(name);
			values.add(value);
		}
	}
	return {
		values: [...values].filter((value) => value.length >= MIN_SECRET_LENGTH),
		names: [...names],
	};
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A function that replaces every secret in a text with `[redacted]`: the values themselves, and
 * whatever follows `name=` (query, cookie) or `name: ` (header) for each secret name.
 */
export function createRedactor(secrets: LogSecrets): (text: string) => string {
	const values = [...secrets.values].sort((a, b) => b.length - a.length).map(escapeRegExp);
	const names = secrets.names.map(escapeRegExp);
	const literal = values.length > 0 ? new RegExp(values.join('|'), 'g') : undefined;
	// `name=value`, `name: value`, `"name":"value"`, each up to the next separator.
	const named =
		names.length > 0
			? new RegExp(`(?<![\\w-])(${names.join('|')})(["']?\\s*[:=]\\s*["']?)[^\\s"',;&]+`, 'gi')
			: undefined;
	return (text) => {
		let result = literal === undefined ? text : text.replace(literal, REDACTED);
		if (named !== undefined) result = result.replace(named, `$1$2${REDACTED}`);
		return result;
	};
}

// C0 controls (ESC, CR, LF, NUL…), DEL, C1 controls (a lone CSI U+009B starts a sequence too),
// and the Unicode line separators and bidirectional overrides that reorder what a terminal shows.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `text` with every control character written as an escape (`\x1b`, `\n`, `\u202e`). */
export function escapeControl(text: string): string {
	return text.replace(CONTROL, (char) => {
		const named = NAMED[char];
		if (named !== undefined) return named;
		const code = char.charCodeAt(0);
		return code < 0x100
			? `\\x${code.toString(16).padStart(2, '0')}`
			: `\\u${code.toString(16).padStart(4, '0')}`;
	});
}

/**
 * Read access to a request's headers, which a web `Headers` object has and which the `node:http`
 * shell gives over its parsed headers without building one. Names compare case-insensitively.
 */
export interface HeaderReader {
	get(name: string): string | null;
	has(name: string): boolean;
	/** Lower-case names. */
	keys(): Iterable<string>;
}

/**
 * A stand-in for a hosted libSQL database (Turso) on 127.0.0.1: the Hrana 2 protocol over HTTP
 * (`POST /v2/pipeline`, JSON), backed by one connection to a local database file. Enough of the
 * protocol for `@libsql/client/web`: `execute`, `batch` with step conditions, `store_sql`,
 * `close_sql` and `close`. It checks the bearer token, so a test also proves the token is sent.
 *
 * @see https://github.com/tursodatabase/libsql/blob/main/docs/HRANA_2_SPEC.md
 * @see https://github.com/tursodatabase/libsql/blob/main/docs/HTTP_V2_SPEC.md
 */
import { createRequire } from 'node:module';
import { startServer } from '@astro-isr/vercel-runtime';

interface NativeStatement {
	readonly reader: boolean;
	raw(on?: boolean): NativeStatement;
	all(args: unknown[]): unknown[][];
	run(args: unknown[]): { changes: number; lastInsertRowid: number | bigint };
	columns(): { name: string; type: string | null }[];
}
interface NativeDatabase {
	readonly inTransaction: boolean;
	prepare(sql: string): NativeStatement;
	close(): void;
}

type HranaValue =
	| { type: 'null' }
	| { type: 'integer'; value: string }
	| { type: 'float'; value: number }
	| { type: 'text'; value: string }
	| { type: 'blob'; base64: string };
interface Stmt {
	sql?: string;
	sql_id?: number;
	args?: HranaValue[];
	want_rows?: boolean;
}
type Cond =
	| { type: 'ok' | 'error'; step: number }
	| { type: 'not'; cond: Cond }
	| { type: 'and' | 'or'; conds: Cond[] }
	| { type: 'is_autocommit' };

export interface HranaServer {
	readonly url: string;
	/** While true, every pipeline answers 503, as a database that is down would. */
	failing: boolean;
	close(): Promise<void>;
}

function fromHrana(value: HranaValue): unknown {
	switch (value.type) {
		case 'null':
			return null;
		case 'integer':
			return Number(value.value);
		case 'float':
			return value.value;
		case 'text':
			return value.value;
		case 'blob':
			return Buffer.from(value.base64, 'base64');
	}
}

function toHrana(value: unknown): HranaValue {
	if (value === null || value === undefined) return { type: 'null' };
	if (typeof value === 'bigint') return { type: 'integer', value: String(value) };
	if (typeof value === 'number') {
		return Number.isInteger(value)
			? { type: 'integer', value: String(value) }
			: { type: 'float', value };
	}
	if (typeof value === 'string') return { type: 'text', value };
	return { type: 'blob', base64: Buffer.from(value as Uint8Array).toString('base64') };
}

export async function startHranaServer(databasePath: string, token: string): Promise<HranaServer> {
	const require = createRequire(import.meta.url);
	const Database = require('libsql') as new (path: string) => NativeDatabase;
	const db = new Database(databasePath);
	const streams = new Map<string, Map<number, string>>();
	let batons = 0;

	const execute = (stmt: Stmt, sqls: Map<number, string>) => {
		const sql = stmt.sql ?? sqls.get(stmt.sql_id ?? -1);
		if (sql === undefined) throw new Error(`unknown sql_id ${stmt.sql_id}`);
		const prepared = db.prepare(sql);
		const args = (stmt.args ?? []).map(fromHrana);
		if (prepared.reader) {
			const cols = prepared.columns().map((col) => ({ name: col.name, decltype: col.type }));
			const rows = prepared.raw(true).all(args);
			return {
				cols,
				rows: rows.map((row) => row.map(toHrana)),
				affected_row_count: 0,
				last_insert_rowid: null,
			};
		}
		const info = prepared.run(args);
		return {
			cols: [],
			rows: [],
			affected_row_count: info.changes,
			last_insert_rowid: String(info.lastInsertRowid),
		};
	};

	const asError = (error: unknown) => ({
		message: error instanceof Error ? error.message : String(error),
		code: (error as { code?: string }).code ?? 'SQLITE_ERROR',
	});

	const batch = (steps: { stmt: Stmt; condition?: Cond }[], sqls: Map<number, string>) => {
		const results: unknown[] = [];
		const errors: unknown[] = [];
		const holds = (cond: Cond): boolean => {
			switch (cond.type) {
				case 'ok':
					return results[cond.step] != null;
				case 'error':
					return errors[cond.step] != null;
				case 'not':
					return !holds(cond.cond);
				case 'and':
					return cond.conds.every(holds);
				case 'or':
					return cond.conds.some(holds);
				case 'is_autocommit':
					return !db.inTransaction;
			}
		};
		steps.forEach((step, index) => {
			results[index] = null;
			errors[index] = null;
			if (step.condition && !holds(step.condition)) return;
			try {
				results[index] = execute(step.stmt, sqls);
			} catch (error) {
				errors[index] = asError(error);
			}
		});
		return { step_results: results, step_errors: errors };
	};

	const server: HranaServer & { running?: Awaited<ReturnType<typeof startServer>> } = {
		url: '',
		failing: false,
		async close() {
			await server.running?.close();
			db.close();
		},
	};

	const handle = async (request: Request): Promise<Response> => {
		if (request.headers.get('authorization') !== `Bearer ${token}`) {
			return new Response('unauthorized', { status: 401 });
		}
		const path = new URL(request.url).pathname;
		if (request.method !== 'POST' || path !== '/v2/pipeline')
			return new Response(null, { status: 404 });
		if (server.failing) return new Response('database unavailable', { status: 503 });
		const body = (await request.json()) as { baton: string | null; requests: { type: string }[] };
		let baton = body.baton;
		const sqls = (baton && streams.get(baton)) || new Map<number, string>();
		let closed = false;
		const results = body.requests.map((entry) => {
			try {
				switch (entry.type) {
					case 'execute':
						return {
							type: 'ok',
							response: {
								type: 'execute',
								result: execute((entry as unknown as { stmt: Stmt }).stmt, sqls),
							},
						};
					case 'batch': {
						const { steps } = (
							entry as unknown as { batch: { steps: { stmt: Stmt; condition?: Cond }[] } }
						).batch;
						return { type: 'ok', response: { type: 'batch', result: batch(steps, sqls) } };
					}
					case 'store_sql': {
						const { sql_id, sql } = entry as unknown as { sql_id: number; sql: string };
						sqls.set(sql_id, sql);
						return { type: 'ok', response: { type: 'store_sql' } };
					}
					case 'close_sql':
						sqls.delete((entry as unknown as { sql_id: number }).sql_id);
						return { type: 'ok', response: { type: 'close_sql' } };
					case 'close':
						closed = true;
						return { type: 'ok', response: { type: 'close' } };
					default:
						return { type: 'error', error: { message: `unsupported request ${entry.type}` } };
				}
			} catch (error) {
				return { type: 'error', error: asError(error) };
			}
		});
		if (baton) streams.delete(baton);
		baton = closed ? null : `baton-${++batons}`;
		if (baton) streams.set(baton, sqls);
		return Response.json({ baton, base_url: null, results });
	};

	server.running = await startServer({ handle, port: 0, host: '127.0.0.1' });
	return Object.assign(server, { url: server.running.url });
}

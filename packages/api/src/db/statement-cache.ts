/**
 * @module A local-file libSQL client that prepares each distinct SQL text once per connection.
 * `@libsql/client`'s file client prepares every statement anew on each `execute` and reads its
 * column metadata each time — about a third of the CPU of a small query. Here `execute` keeps the
 * prepared statement (and its column names) per SQL text and reuses it; everything else (`batch`,
 * `migrate`, …) is the stock client on the SAME connection, so transactions and pragmas behave as
 * before. Results have the stock client's shape (rows indexable by position and by column name).
 */
import {
  type Client,
  type InArgs,
  type InStatement,
  type InValue,
  LibsqlError,
  type ResultSet,
  type Row,
} from '@libsql/client';
import { Sqlite3Client } from '@libsql/client/sqlite3';
import Database from 'libsql';

type Statement = ReturnType<Database.Database['prepare']>;
type SqlValue = string | number | bigint | Buffer | null;

interface Prepared {
  stmt: Statement;
  /**
   * Column names and declared types, and the maker of its rows, or undefined for a statement that
   * returns no rows.
   */
  columns?: { names: string[]; types: string[]; row: (values: unknown[]) => Row };
}

/** Distinct SQL texts kept per connection; drizzle's texts are stable, `IN (…)` lists vary. */
const MAX_STATEMENTS = 256;
const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Same conversion as the stock client (intMode `number`). */
function toSql(value: InValue): SqlValue {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new RangeError('Only finite numbers (not Infinity or NaN) can be passed as arguments');
    }
    return value;
  }
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  if (value instanceof Date) return value.valueOf();
  if (value === undefined) throw new TypeError('undefined cannot be passed as argument to the database');
  if (value instanceof Uint8Array) return Buffer.from(value);
  return value;
}

function fromSql(value: unknown): unknown {
  if (typeof value === 'bigint') {
    if (value < MIN_SAFE || value > MAX_SAFE) {
      throw new RangeError('Received integer which cannot be safely represented as a JavaScript number');
    }
    return Number(value);
  }
  if (value instanceof Buffer) return value.buffer;
  return value;
}

/**
 * Builds rows of one statement's columns as the stock client shapes them: column names are own
 * enumerable properties (the first of a repeated name wins; `length` and index-like names never
 * shadow the positions), positions and `length` are readable but not enumerable. The stock client
 * defines each of them with `Object.defineProperty` on a fresh object, which left it a dictionary
 * and cost ~2.8 µs per 5-column row (a booking reads several); here a class per statement assigns
 * the names in one fixed order and reads positions through getters on its prototype (~0.14 µs).
 */
function rowMaker(names: string[]): (values: unknown[]) => Row {
  const n = names.length;
  const taken = new Set(['length']);
  for (let i = 0; i < n; i++) taken.add(String(i));
  const named: Array<[number, string]> = [];
  for (let i = 0; i < n; i++) {
    const name = names[i]!;
    if (!taken.has(name)) {
      taken.add(name);
      named.push([i, name]);
    }
  }
  let valuesOf: (row: StatementRow) => unknown[] = () => [];
  class StatementRow {
    readonly #values: unknown[];
    constructor(values: unknown[]) {
      this.#values = values;
      for (const [i, name] of named) (this as Record<string, unknown>)[name] = values[i];
    }
    static {
      valuesOf = (row) => row.#values;
    }
  }
  for (let i = 0; i < n; i++) {
    Object.defineProperty(StatementRow.prototype, i, {
      get(this: StatementRow) {
        return valuesOf(this)[i];
      },
    });
  }
  Object.defineProperty(StatementRow.prototype, 'length', { value: n });
  return (values) => {
    for (let i = 0; i < n; i++) values[i] = fromSql(values[i]);
    return new StatementRow(values) as unknown as Row;
  };
}

function resultSet(
  columns: string[],
  columnTypes: string[],
  rows: Row[],
  rowsAffected: number,
  lastInsertRowid: bigint | undefined,
): ResultSet {
  return {
    columns,
    columnTypes,
    rows,
    rowsAffected,
    lastInsertRowid,
    toJSON: () => ({
      columns,
      columnTypes,
      rows,
      rowsAffected,
      lastInsertRowid: lastInsertRowid?.toString(),
    }),
  };
}

/** libSQL's native error as the stock client reports it (`code` is the base code, e.g. SQLITE_BUSY). */
function mapError(error: unknown): unknown {
  if (error instanceof Database.SqliteError) {
    const { code: extended, rawCode } = error as unknown as { code: string; rawCode?: number };
    const base = extended.split('_').slice(0, 2).join('_') || 'SQLITE_UNKNOWN';
    return new LibsqlError(error.message, base, extended, rawCode, error);
  }
  return error;
}

class CachingClient implements Client {
  readonly #db: Database.Database;
  readonly #inner: Sqlite3Client;
  readonly #cache = new Map<string, Prepared>();
  /** Set once the stock client may have moved to another connection (`transaction`, `reconnect`). */
  #detached = false;

  constructor(db: Database.Database, inner: Sqlite3Client) {
    this.#db = db;
    this.#inner = inner;
  }

  get closed(): boolean {
    return this.#inner.closed;
  }

  get protocol(): string {
    return this.#inner.protocol;
  }

  async execute(stmtOrSql: InStatement | string, args?: InArgs): Promise<ResultSet> {
    const stmt: InStatement =
      typeof stmtOrSql === 'string' ? { sql: stmtOrSql, args: args ?? [] } : stmtOrSql;
    if (this.#detached || this.#inner.closed) return this.#inner.execute(stmt);
    const sql = typeof stmt === 'string' ? stmt : stmt.sql;
    const raw = typeof stmt === 'string' ? [] : (stmt.args ?? []);
    let bound: SqlValue[] | Record<string, SqlValue>;
    if (Array.isArray(raw)) {
      bound = raw.map(toSql);
    } else {
      const named: Record<string, SqlValue> = {};
      for (const name in raw) {
        const key = name[0] === '@' || name[0] === '$' || name[0] === ':' ? name.slice(1) : name;
        named[key] = toSql((raw as Record<string, InValue>)[name]!);
      }
      bound = named;
    }
    let prepared: Prepared | undefined;
    try {
      prepared = this.#prepared(sql);
      if (prepared.columns) {
        const { names, types, row } = prepared.columns;
        const rows = (prepared.stmt.all(bound) as unknown[][]).map(row);
        return resultSet(names, types, rows, 0, undefined);
      }
      const info = prepared.stmt.run(bound);
      return resultSet([], [], [], info.changes, BigInt(info.lastInsertRowid));
    } catch (error) {
      // Whatever state a failed statement is left in, the next use prepares a fresh one.
      this.#cache.delete(sql);
      throw mapError(error);
    }
  }

  #prepared(sql: string): Prepared {
    const hit = this.#cache.get(sql);
    if (hit) return hit;
    const stmt = this.#db.prepare(sql);
    stmt.safeIntegers(true);
    const prepared: Prepared = { stmt };
    let returnsData = true;
    try {
      stmt.raw(true);
    } catch {
      // raw() throws for a statement that returns no data (same probe as the stock client).
      returnsData = false;
    }
    if (returnsData) {
      const columns = stmt.columns();
      const names = columns.map((c) => c.name);
      prepared.columns = { names, types: columns.map((c) => c.type ?? ''), row: rowMaker(names) };
    }
    if (this.#cache.size >= MAX_STATEMENTS) this.#cache.delete(this.#cache.keys().next().value as string);
    this.#cache.set(sql, prepared);
    return prepared;
  }

  batch(...args: Parameters<Client['batch']>): ReturnType<Client['batch']> {
    return this.#inner.batch(...args);
  }

  migrate(...args: Parameters<Client['migrate']>): ReturnType<Client['migrate']> {
    return this.#inner.migrate(...args);
  }

  transaction(...args: Parameters<Client['transaction']>): ReturnType<Client['transaction']> {
    // The stock client hands its connection to the transaction and opens a new one for later calls.
    this.#detached = true;
    this.#cache.clear();
    return this.#inner.transaction(...args);
  }

  executeMultiple(sql: string): Promise<void> {
    return this.#inner.executeMultiple(sql);
  }

  sync(): ReturnType<Client['sync']> {
    return this.#inner.sync();
  }

  reconnect(): Promise<void> {
    this.#detached = true;
    this.#cache.clear();
    return this.#inner.reconnect();
  }

  close(): void {
    this.#cache.clear();
    this.#inner.close();
  }
}

/**
 * A client for the libSQL file at `path` (a plain filesystem path) whose `execute` reuses prepared
 * statements. Integers come back as JavaScript numbers, as with the stock client's default.
 */
export function openCachingClient(path: string): Client {
  const db = new Database(path, {});
  return new CachingClient(db, new Sqlite3Client(path, {}, db, 'number'));
}

/**
 * What this module relies on that neither package documents: `Sqlite3Client`'s constructor
 * `(path, options, database, intMode)` taking a `libsql` connection it then uses, and the native
 * statement's `raw`, `columns`, `safeIntegers`, `all` and `run`. Tried on a throwaway in-memory
 * connection; answers why not when an upgrade changed any of it, so the caller can fall back to the
 * stock client (and the shape test can fail with the reason).
 */
export async function cachingClientUnsupported(): Promise<string | undefined> {
  let db: Database.Database | undefined;
  try {
    if (typeof Sqlite3Client !== 'function') return '@libsql/client/sqlite3 no longer exports Sqlite3Client';
    db = new Database(':memory:', {});
    const stmt = db.prepare('SELECT 1 AS one');
    for (const method of ['raw', 'columns', 'safeIntegers', 'all', 'run'] as const) {
      if (typeof (stmt as unknown as Record<string, unknown>)[method] !== 'function')
        return `libsql statements no longer have ${method}()`;
    }
    stmt.safeIntegers(true);
    stmt.raw(true);
    const names = stmt.columns().map((c) => c.name);
    const rows = stmt.all([]) as unknown[][];
    if (names[0] !== 'one' || rows[0]?.[0] !== 1n)
      return `libsql statements answer ${JSON.stringify({ names, rows: String(rows[0]) })}, not [one] = 1n`;
    const inner = new Sqlite3Client(':memory:', {}, db, 'number');
    // The stock client must run on the connection it was handed: a table made on `db` is visible.
    db.exec('CREATE TABLE probe (x INTEGER)');
    db.exec('INSERT INTO probe VALUES (7)');
    const result = await inner.execute('SELECT x FROM probe');
    if (result.rows[0]?.x !== 7) return 'Sqlite3Client does not run on the libsql connection it is given';
    if (inner.protocol !== 'file') return `Sqlite3Client reports protocol "${inner.protocol}", not "file"`;
    return undefined;
  } catch (error) {
    return `the private Sqlite3Client/libsql shape changed: ${(error as Error).message}`;
  } finally {
    db?.close();
  }
}

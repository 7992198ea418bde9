/**
 * @module The query-plan hook of `createTestApp`: every distinct SQL text the app runs in a test is
 * explained (`EXPLAIN QUERY PLAN`, with the arguments of its first run) on the same connection, and
 * a full scan of a tenant table — one with a `business_id` column — fails the test that ran it, and
 * so does a query about one business (its WHERE names `business_id`) that searches a tenant table
 * through an index led by something else than the business or a row's own key (such as `status`):
 * that index holds every tenant's rows, and the search reads through the others'. Either costs
 * nothing at test scale and everything with a thousand businesses; a new query without a
 * business-scoped index is caught where it is written, not in production. (The app never runs
 * `ANALYZE`, so SQLite plans from the schema alone: a plan here is the plan on a large file.)
 *
 * It patches `libsql`'s `Database#prepare`, which both the statement cache and the stock
 * `@libsql/client` go through, and judges what is prepared while the app answers a request (an
 * AsyncLocalStorage around `app.fetch`): reads and write transactions of every route. A test's own
 * checks (reading a table whole to scan it) are not judged, nor is the background worker when a
 * test drives it directly — its few queries are in the allowed list below when they scan.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import Database from 'libsql';
import { afterAll, afterEach } from 'vitest';
import type { App } from '../src/app.js';

/**
 * Scans that are right, each with the reason. Matched against the SQL text (a substring).
 */
const allowed: { sql: string; why: string }[] = [
  {
    sql: 'SELECT kind, target, count(*) AS n FROM outbox_jobs',
    why: 'the worker counts leases per target over the partial index of pending jobs: bounded by the backlog, not by history',
  },
  {
    sql: 'update "outbox_jobs" set "lease_owner" = ?, "lease_expires_at" = ? where ("outbox_jobs"."lease_owner" = ?',
    why: 'a stopping worker gives back its leases, read from the partial index of leased jobs (pending only)',
  },
  {
    sql: 'SELECT kind, count(*) AS pending, min(due_at) AS earliest FROM outbox_jobs',
    why: 'the metrics gauge of the backlog: the partial index of pending jobs, bounded by the backlog',
  },
  {
    sql: 'FROM (SELECT expires_at FROM holds ORDER BY rowid DESC LIMIT ?)',
    why: 'the live-holds gauge reads the newest holds only (LIMIT), by rowid',
  },
];

/**
 * Indexes led by a column that is not the business but is still one tenant's: a row's own key or a
 * parent's (`id`, `…_id`, a hash), whose entries for one value all belong to one business. (Unique
 * indexes are one row a value, and pass too.)
 */
const keyLike = /^(id|\w+_id|\w+_hash|target|subject)$/; // outbox_jobs.target: a webhook endpoint's id; event_rows.subject: a thing's number

type Statement = ReturnType<Database.Database['prepare']>;
/** Set while the app answers a request: only the app's own queries are judged, not a test's checks. */
const answering = new AsyncLocalStorage<true>();
const explained = new Set<string>();
/** Each explained statement's plan (`EXPLAIN QUERY PLAN` details), for query-plans.test.ts. */
export const plans = new Map<string, string[]>();
/** Collectors of the SQL texts run while they are open (see `queriesRunBy`). */
const collectors = new Set<Set<string>>();
const scans: string[] = [];
let explaining = false;
let installed = false;

/** The file behind an app connection (`PRAGMA database_list`), asked once per connection. */
const files = new WeakMap<Database.Database, string>();
function fileOf(db: Database.Database): string | undefined {
  let file = files.get(db);
  if (file === undefined) {
    const rows = db.prepare('PRAGMA database_list').all() as { name: string; file: string }[];
    file = rows.find((r) => r.name === 'main')?.file ?? '';
    files.set(db, file);
  }
  return file || undefined;
}

/** Tenant tables per file, once the schema is complete (it has `bookings`). */
const tenantTables = new Map<string, Set<string>>();
/**
 * Each index of a tenant table: its first column (`expression` for an expression) and whether it is
 * unique (one value is one row, of one business). Read with the tables, once per file: schema
 * pragmas run later, while the app works, kept a read snapshot alive past the side connection's
 * close and held back the WAL checkpoint an erasure makes.
 */
const tenantIndexes = new Map<string, Map<string, { leading: string; unique: boolean }>>();
function tenantTablesOf(side: Database.Database, file: string): Set<string> {
  const known = tenantTables.get(file);
  if (known) return known;
  const names = side
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .raw(true)
    .all() as [string][];
  const tables = new Set(
    names
      .map(([name]) => name)
      .filter((name) =>
        (side.prepare(`PRAGMA table_info("${name}")`).all() as { name: string }[]).some(
          // `event_rows` holds its business as an `event_names` number (`business`).
          (c) => c.name === 'business_id' || c.name === 'business',
        ),
      ),
  );
  if (tables.has('bookings')) {
    tenantTables.set(file, tables);
    const indexes = new Map<string, { leading: string; unique: boolean }>();
    for (const table of tables) {
      const list = side.prepare(`PRAGMA index_list("${table}")`).all() as { name: string; unique: number }[];
      for (const index of list) {
        const columns = side.prepare(`PRAGMA index_info("${index.name}")`).all() as {
          seqno: number;
          name: string | null;
        }[];
        const leading = columns.find((c) => c.seqno === 0)?.name ?? 'expression';
        indexes.set(index.name, { leading, unique: index.unique === 1 });
      }
    }
    tenantIndexes.set(file, indexes);
  }
  return tables;
}

/**
 * Explains on a connection of its own, opened and closed each time: libsql leaves an EXPLAIN
 * statement active after reading it, which on the app's connection would refuse a later DROP or
 * VACUUM ("database table is locked") and on a kept connection would hold a WAL snapshot.
 */
function explain(db: Database.Database, sql: string, args: unknown[]): void {
  if (explained.has(sql)) return;
  explained.add(sql);
  if (!/^\s*(SELECT|WITH|UPDATE|DELETE|INSERT)\b/i.test(sql)) return;
  explaining = true;
  let side: Database.Database | undefined;
  try {
    const file = fileOf(db);
    if (!file) return;
    side = new Database(file, {});
    const tables = tenantTablesOf(side, file);
    const plan = side.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[];
    plans.set(
      sql,
      plan.map((p) => p.detail),
    );
    if (allowed.some((a) => sql.includes(a.sql))) return;
    for (const { detail } of plan) {
      const table = /^SCAN (\w+)/.exec(detail)?.[1];
      if (table !== undefined && tables.has(table)) scans.push(`${detail}\n    in: ${sql}`);
      const search = /^SEARCH (\w+) USING (?:COVERING )?INDEX (\w+)/.exec(detail);
      if (search && tables.has(search[1]!) && /\bwhere\b[\s\S]*\bbusiness_id\b/i.test(sql)) {
        const index = tenantIndexes.get(file)?.get(search[2]!);
        const byBusiness = index?.leading === 'business_id' || index?.leading === 'business';
        if (index && !byBusiness && !keyLike.test(index.leading) && !index.unique) {
          scans.push(`${detail} (an index of every business, led by ${index.leading})\n    in: ${sql}`);
        }
      }
    }
  } catch {
    // Not explainable here (a table this connection cannot see yet, a pragma form): nothing to judge.
  } finally {
    side?.close();
    explaining = false;
  }
}

/** Explains every statement the process runs from now on (once per SQL text). */
export function watchQueryPlans(): void {
  if (installed) return;
  installed = true;
  const prepare = Database.prototype.prepare;
  Database.prototype.prepare = function (this: Database.Database, sql: string) {
    const stmt = prepare.call(this, sql) as Statement;
    if (explaining || !answering.getStore()) return stmt;
    const db = this;
    for (const method of ['all', 'get', 'run', 'iterate'] as const) {
      const run = stmt[method] as (...args: unknown[]) => unknown;
      (stmt as unknown as Record<string, unknown>)[method] = function (this: Statement, ...args: unknown[]) {
        for (const collector of collectors) collector.add(sql);
        if (!explained.has(sql)) explain(db, sql, args);
        return run.apply(this, args);
      };
    }
    return stmt;
  } as typeof prepare;
}

/**
 * The SQL texts the app ran (of those first prepared while it answered) during `fn`, each with its
 * plan: what query-plans.test.ts shows and checks per hot route.
 */
export async function queriesRunBy(fn: () => Promise<unknown>): Promise<{ sql: string; plan: string[] }[]> {
  const collector = new Set<string>();
  collectors.add(collector);
  try {
    await fn();
  } finally {
    collectors.delete(collector);
  }
  return [...collector].map((sql) => ({ sql, plan: plans.get(sql) ?? [] }));
}

/** Judges the queries `app` makes while it answers (see the module comment). */
export function judgeQueriesOf(app: App): void {
  const fetch = app.fetch;
  app.fetch = (request, env, executionCtx) => answering.run(true, () => fetch(request, env, executionCtx));
}

function failOnScan() {
  if (scans.length === 0) return;
  const found = scans.splice(0);
  throw new Error(
    `A query scans a whole tenant table, or searches one business's rows through an index of every business (add a business-scoped index, or allow it in query-plans.ts with the reason):\n- ${found.join('\n- ')}`,
  );
}
if (process.env.VITEST) {
  afterEach(failOnScan);
  afterAll(failOnScan);
}

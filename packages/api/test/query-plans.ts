/**
 * @module The query-plan hook of `createTestApp`: every distinct SQL text the app runs in a test is
 * explained (`EXPLAIN QUERY PLAN`, with the arguments of its first run) on the same connection, and
 * a full scan of a tenant table — one with a `business_id` column — fails the test that ran it. A
 * scan costs nothing at test scale and everything with a thousand businesses; a new query without a
 * business-scoped index is caught where it is written, not in production.
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

type Statement = ReturnType<Database.Database['prepare']>;
/** Set while the app answers a request: only the app's own queries are judged, not a test's checks. */
const answering = new AsyncLocalStorage<true>();
const explained = new Set<string>();
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
          (c) => c.name === 'business_id',
        ),
      ),
  );
  if (tables.has('bookings')) tenantTables.set(file, tables);
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
    for (const { detail } of plan) {
      const table = /^SCAN (\w+)/.exec(detail)?.[1];
      if (table === undefined || !tables.has(table)) continue;
      if (allowed.some((a) => sql.includes(a.sql))) continue;
      scans.push(`${detail}\n    in: ${sql}`);
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
    if (explaining || explained.has(sql) || !answering.getStore()) return stmt;
    const db = this;
    for (const method of ['all', 'get', 'run', 'iterate'] as const) {
      const run = stmt[method] as (...args: unknown[]) => unknown;
      (stmt as unknown as Record<string, unknown>)[method] = function (this: Statement, ...args: unknown[]) {
        if (!explained.has(sql)) explain(db, sql, args);
        return run.apply(this, args);
      };
    }
    return stmt;
  } as typeof prepare;
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
    `A query scans a whole tenant table (add a business-scoped index, or allow it in query-plans.ts with the reason):\n- ${found.join('\n- ')}`,
  );
}
if (process.env.VITEST) {
  afterEach(failOnScan);
  afterAll(failOnScan);
}

/**
 * @module The query-plan hook of `createTestApp`: every distinct SQL text the app runs in a test is
 * explained (`EXPLAIN QUERY PLAN`, with the arguments of its first run) on the same connection, and
 * a full scan of a tenant table — one with a `business_id` column — fails the test that ran it. A
 * scan costs nothing at test scale and everything with a thousand businesses; a new query without a
 * business-scoped index is caught where it is written, not in production.
 *
 * It patches `libsql`'s `Database#prepare`, which both the statement cache and the stock
 * `@libsql/client` go through, so reads, write transactions and the worker are all seen.
 */
import Database from 'libsql';
import { afterAll, afterEach } from 'vitest';

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
];

type Statement = ReturnType<Database.Database['prepare']>;
const explained = new Set<string>();
const scans: string[] = [];
const tenantTables = new WeakMap<Database.Database, Set<string>>();
let explaining = false;
let installed = false;

function tenantTablesOf(db: Database.Database): Set<string> {
  let tables = tenantTables.get(db);
  if (!tables) {
    const names = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .raw(true)
      .all() as [string][];
    tables = new Set(
      names
        .map(([name]) => name)
        .filter((name) =>
          (db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string }[]).some(
            (c) => c.name === 'business_id',
          ),
        ),
    );
    // Before the migrations ran there is nothing to judge yet: ask again next time.
    if (tables.size > 0) tenantTables.set(db, tables);
  }
  return tables;
}

function explain(db: Database.Database, sql: string, args: unknown[]): void {
  if (explained.has(sql)) return;
  explained.add(sql);
  if (!/^\s*(SELECT|WITH|UPDATE|DELETE|INSERT)\b/i.test(sql)) return;
  explaining = true;
  try {
    const tables = tenantTablesOf(db);
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[];
    for (const { detail } of plan) {
      const table = /^SCAN (\w+)/.exec(detail)?.[1];
      if (table === undefined || !tables.has(table)) continue;
      if (allowed.some((a) => sql.includes(a.sql))) continue;
      scans.push(`${detail}\n    in: ${sql}`);
    }
  } catch {
    // A statement that cannot be explained with these arguments (e.g. a pragma form): nothing to judge.
  } finally {
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
    if (explaining || explained.has(sql)) return stmt;
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

/**
 * @module Prepared queries for the hot paths (key lookup, business row, occupancy), built once
 * per database handle: drizzle then skips building the SQL on every request, about a third of the
 * cost of a small query.
 */
import { getTableColumns, sql, type Table } from 'drizzle-orm';
import type { Db } from './open.js';

const byHandle = new WeakMap<Db, Map<string, unknown>>();

/** The query `name` prepared on `db`, built by `build` the first time. */
export function prepared<T>(db: Db, name: string, build: (db: Db) => T): T {
  let queries = byHandle.get(db);
  if (!queries) {
    queries = new Map();
    byHandle.set(db, queries);
  }
  let query = queries.get(name) as T | undefined;
  if (query === undefined) {
    query = build(db);
    queries.set(name, query);
  }
  return query;
}

/**
 * A row of `table` whose every column is a placeholder of the column's name: the values of a
 * prepared single-row INSERT (then `.run(row)` binds a whole row object).
 */
export function placeholderRow<T extends Table>(table: T): T['$inferInsert'] {
  return Object.fromEntries(
    Object.keys(getTableColumns(table)).map((key) => [key, sql.placeholder(key)]),
  ) as T['$inferInsert'];
}

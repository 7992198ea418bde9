/**
 * @module A cheap answer to "has anything in the database changed since?", for per-process caches
 * that must never serve what a commit (of this process or another) has already changed. On a local
 * file, SQLite's `data_version` on the read connection moves whenever any OTHER connection commits
 * (this process's writer, another process's), and `total_changes()` counts what the read connection
 * changed itself (migrations run on it; `:memory:` has one connection for both): together they move
 * on every commit. One statement that reads no table, far cheaper than the rows a cache would re-read.
 * A remote database (Turso/sqld) may run each statement on another connection, so it has no stamp.
 */
import type { Database } from './open.js';

const stampSql = 'SELECT data_version AS version, total_changes() AS changes FROM pragma_data_version';

/**
 * A value that differs after any commit to `database` since it was last read; undefined when
 * `database` cannot tell (a remote database), and the caller must read what it needs.
 */
export async function changeStamp(database: Database): Promise<string | undefined> {
  if (!database.local) return undefined;
  const row = (await database.client.execute(stampSql)).rows[0];
  return row === undefined ? undefined : `${row.version}.${row.changes}`;
}

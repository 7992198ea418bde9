/**
 * @module A cheap answer to "has anything in this database file changed since?", for per-process
 * caches that must never serve what a commit (of this process or another) has already changed.
 * SQLite's `data_version` moves on a connection whenever ANY OTHER connection commits; read on a
 * connection of its own that never writes, it moves on every commit — this process's writer, its
 * reader, other processes. One native call (`libsql`'s public statement API, not the client),
 * no table read: a few microseconds, against tens for even the smallest query through the client.
 * Local files only: `:memory:` has a single connection, and a remote database (Turso/sqld) none
 * we could hold, so there the caches read what they need instead.
 */
import Database from 'libsql';

export interface ChangeStamp {
  /** A value that differs after any commit since it was last read; undefined when it cannot tell. */
  read(): number | undefined;
  close(): void;
}

/** A stamp reader for the database file at `path`, on its own read-only-in-practice connection. */
export function openChangeStamp(path: string): ChangeStamp {
  const connection = new Database(path, {});
  // A checkpoint may hold the lock for a moment; wait as the app's own connections do.
  connection.exec('PRAGMA busy_timeout=5000');
  const statement = connection.prepare('PRAGMA data_version');
  statement.raw(true);
  return {
    read() {
      try {
        const row = statement.get([]) as unknown[] | undefined;
        return typeof row?.[0] === 'number' ? row[0] : undefined;
      } catch {
        // Whatever went wrong, the caller falls back to reading the database.
        return undefined;
      }
    },
    close: () => connection.close(),
  };
}

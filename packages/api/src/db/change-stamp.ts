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

/**
 * `stamp.read`, shared by the requests of one turn of the event loop: read at most once per turn
 * and per millisecond, and afresh after every write transaction of this process (`onWrite`
 * subscribes the reset). The read is not free: it begins a WAL read transaction (shared-memory
 * locks, system calls), ~15 µs on an idle machine and 50-150 µs a request on a loaded one
 * (bench/bookings.bench.js, where it was the largest cost of authenticating). Nothing is lost: the
 * requests of a turn were read from their sockets before the turn's first read of the stamp, so a
 * commit by another process that this read misses came after they arrived — they were concurrent
 * with it and may be answered as from before it; a request that arrives after the commit is
 * handled in a later turn and reads anew. This process's own commits reset it at once.
 */
export function oncePerTurn(
  stamp: ChangeStamp,
  onWrite: (reset: () => void) => void,
): () => number | undefined {
  let value: number | undefined;
  let fresh = false;
  let readAt = 0;
  const reset = () => {
    fresh = false;
  };
  onWrite(reset);
  return () => {
    const now = performance.now();
    if (!fresh || now - readAt >= 1) {
      value = stamp.read();
      fresh = true;
      readAt = now;
      setImmediate(reset);
    }
    return value;
  };
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

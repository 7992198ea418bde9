/**
 * @module Proving that no process has a database file open, and keeping it so: a connection in
 * `locking_mode=EXCLUSIVE` that takes the write lock with `BEGIN EXCLUSIVE`.
 *
 * Why this detects a running server: in WAL mode every open SQLite connection keeps a SHARED lock
 * on the database file from its first read until it closes, idle or not — so an exclusive lock is
 * granted only when no other connection, in any process (a `frontdesk serve`, a `frontdesk
 * worker`, a `backup` in progress, an `sqlite3` shell), has the file open. The operating system
 * drops the locks of a process that dies, even by `kill -9`, so a crashed server never blocks a
 * restore, and nothing has to be kept fresh. (It does not see a server on another machine through
 * a network file system; SQLite does not support WAL there anyway.)
 *
 * The connection is the `libsql` driver's, used through `exec` only: a prepared statement keeps a
 * libSQL connection (and its locks) alive after `close()` until it is garbage-collected, which
 * would leave the lock held by this process after `release()`.
 */
import Database from 'libsql';
import { BackupError } from './backup-error.js';

export interface ExclusiveLock {
  /**
   * Runs SQL that returns nothing on the locked file. Undefined when the file is not a readable
   * database (what a restore is often for): nothing can be using it as one, nothing to lock.
   */
  exec: ((sql: string) => void) | undefined;
  /** Closes the connection, which drops the lock. */
  release(): void;
}

/** Locks `file` for this process alone, or throws a {@link BackupError} naming why it cannot. */
export function lockExclusively(file: string): ExclusiveLock {
  const connection = new Database(file);
  try {
    // Fail at once rather than wait: a server does not let go of the file by itself.
    connection.exec('PRAGMA busy_timeout=0');
    connection.exec('PRAGMA locking_mode=EXCLUSIVE');
    // In exclusive locking mode the lock taken by the first write transaction is kept after COMMIT.
    connection.exec('BEGIN EXCLUSIVE');
    connection.exec('COMMIT');
  } catch (error) {
    connection.close();
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
      throw new BackupError(
        `${file} is in use by another process (a running frontdesk serve or worker?). ` +
          'Stop every process using it, then restore again.',
      );
    }
    if (code === 'SQLITE_NOTADB') return { exec: undefined, release: () => {} };
    throw error;
  }
  return { exec: (sql) => void connection.exec(sql), release: () => connection.close() };
}

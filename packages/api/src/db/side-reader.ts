/**
 * @module A second read connection on its own thread, for a local file: long reads that can be
 * split (the two periods of a report) run there beside the main thread's. The libSQL client is
 * synchronous per connection — a statement blocks the event loop until its last row — so two
 * connections on one thread still read one after the other; on a thread of its own the second
 * overlaps the first, and a request that scans two periods answers in about the time of one.
 *
 * The worker is started on first use and does not keep the process alive; it reads with
 * `query_only` set, so nothing sent to it can write. Local files only: a remote database
 * (Turso/sqld) is read over the network, where the client's requests already overlap.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';

export interface SideReader {
  /** The rows of `query` (objects keyed by column name, as drizzle's `db.all` answers). */
  all<T>(query: SQL): Promise<T[]>;
  /** Stops the thread (it is started again if read from later). */
  close(): Promise<void>;
}

/**
 * The worker's code: CommonJS evaluated as-is, so the same text runs from `src` (tests) and
 * `dist` with no separate file to build or find. `libsql` is passed in as a resolved path.
 */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.libsql);
const connection = new Database(workerData.path, {});
connection.exec('PRAGMA busy_timeout=5000');
connection.exec('PRAGMA query_only=ON');
parentPort.on('message', ({ id, sql, params }) => {
  try {
    parentPort.postMessage({ id, rows: connection.prepare(sql).all(params) });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message ? error.message : error) });
  }
});
`;

interface Pending {
  resolve(rows: unknown[]): void;
  reject(error: Error): void;
}

const dialect = new SQLiteSyncDialect();

/** A side reader of the database file at `path`. */
export function openSideReader(path: string): SideReader {
  const libsql = createRequire(import.meta.url).resolve('libsql');
  const pending = new Map<number, Pending>();
  let worker: Worker | undefined;
  let nextId = 0;
  /** Why the thread cannot run here (it stopped before answering anything): no use starting it again. */
  let broken: Error | undefined;

  const failAll = (error: Error) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };

  const start = (): Worker => {
    const started = new Worker(workerSource, { eval: true, workerData: { libsql, path } });
    let answered = false;
    started.on('message', ({ id, rows, error }: { id: number; rows?: unknown[]; error?: string }) => {
      answered = true;
      const waiting = pending.get(id);
      if (!waiting) return;
      pending.delete(id);
      if (error !== undefined) waiting.reject(new Error(error));
      else waiting.resolve(rows ?? []);
      // Idle, the thread must not keep the process alive (a CLI run, a test, a shutdown).
      if (pending.size === 0) started.unref();
    });
    const gone = (error: Error) => {
      if (worker !== started) return;
      worker = undefined;
      if (!answered) broken = error;
      failAll(error);
    };
    started.on('error', gone);
    started.on('exit', (code) => gone(new Error(`the side reader stopped (exit code ${code})`)));
    started.unref();
    return started;
  };

  return {
    all<T>(query: SQL): Promise<T[]> {
      if (broken) return Promise.reject(broken);
      const { sql, params } = dialect.sqlToQuery(query);
      worker ??= start();
      const id = nextId++;
      const running = worker;
      running.ref();
      return new Promise<T[]>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (rows: unknown[]) => void, reject });
        running.postMessage({ id, sql, params });
      });
    },
    async close() {
      const stopping = worker;
      worker = undefined;
      failAll(new Error('the side reader was closed'));
      if (stopping) await stopping.terminate();
    },
  };
}

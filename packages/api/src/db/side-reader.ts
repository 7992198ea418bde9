/**
 * @module A second read connection in a process of its own, for a local file: long reads that can
 * be split (the two periods of a report) run there beside the main process's. The libSQL client is
 * synchronous per connection — a statement blocks the event loop until its last row — and its
 * native module runs the statements of one process one at a time even from two threads (measured:
 * a GROUP BY on a worker thread and the main thread together took the sum of both; in a child
 * process, the longer of the two). So the reader is a child `node` process, talking over IPC.
 *
 * The child is started on first use, does not keep this process alive, and exits when this process
 * goes (its IPC channel closes). It reads with `query_only` set, so nothing sent to it can write.
 * Local files only: a remote database (Turso/sqld) is read over the network, where the client's
 * requests already overlap.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import type { SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';

export interface SideReader {
  /** The rows of `query` (objects keyed by column name, as drizzle's `db.all` answers). */
  all<T>(query: SQL): Promise<T[]>;
  /** Stops the process (it is started again if read from later). */
  close(): Promise<void>;
}

/**
 * The child's code, run with `node -e`: CommonJS as-is, so the same text runs from `src` (tests)
 * and `dist` with no separate file to build or find. `libsql`, the file and the
 * extra pragmas (JSON) come as arguments.
 */
const childSource = `
const [libsql, path, pragmas] = process.argv.slice(1);
const Database = require(libsql);
const connection = new Database(path, {});
connection.exec('PRAGMA busy_timeout=5000');
connection.exec('PRAGMA query_only=ON');
for (const pragma of JSON.parse(pragmas)) connection.exec(pragma);
process.on('disconnect', () => process.exit(0));
process.on('message', ({ id, sql, params }) => {
  try {
    process.send({ id, rows: connection.prepare(sql).all(params) });
  } catch (error) {
    process.send({ id, error: String(error && error.message ? error.message : error) });
  }
});
`;

/** A statement the side reader ran and SQLite refused: the reader itself is fine. */
export class SideStatementError extends Error {}

interface Pending {
  resolve(rows: unknown[]): void;
  reject(error: Error): void;
}

const dialect = new SQLiteSyncDialect();

/** A side reader of the database file at `path`, its connection set up with `pragmas` too. */
export function openSideReader(path: string, pragmas: readonly string[] = []): SideReader {
  const libsql = createRequire(import.meta.url).resolve('libsql');
  const pending = new Map<number, Pending>();
  let child: ChildProcess | undefined;
  let nextId = 0;
  /** Why the child cannot run here (it stopped before answering anything): no use starting it again. */
  let broken: Error | undefined;

  const failAll = (error: Error) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };

  /** Idle, the child and its channel must not keep this process alive (a CLI run, a test, a shutdown). */
  const hold = (started: ChildProcess, busy: boolean) => {
    const channel = started.channel as { ref(): void; unref(): void } | null | undefined;
    if (busy) {
      started.ref();
      channel?.ref();
    } else {
      started.unref();
      channel?.unref();
    }
  };

  const start = (): ChildProcess => {
    const started = spawn(process.execPath, ['-e', childSource, libsql, path, JSON.stringify(pragmas)], {
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    let answered = false;
    started.on('message', ({ id, rows, error }: { id: number; rows?: unknown[]; error?: string }) => {
      answered = true;
      const waiting = pending.get(id);
      if (!waiting) return;
      pending.delete(id);
      if (error !== undefined) waiting.reject(new SideStatementError(error));
      else waiting.resolve(rows ?? []);
      if (pending.size === 0) hold(started, false);
    });
    const gone = (error: Error) => {
      if (child !== started) return;
      child = undefined;
      if (!answered) broken = error;
      failAll(error);
    };
    started.on('error', gone);
    started.on('exit', (code, signal) =>
      gone(new Error(`the side reader stopped (${signal ?? `exit code ${code}`})`)),
    );
    hold(started, false);
    return started;
  };

  return {
    all<T>(query: SQL): Promise<T[]> {
      if (broken) return Promise.reject(broken);
      const { sql, params } = dialect.sqlToQuery(query);
      child ??= start();
      const id = nextId++;
      const running = child;
      hold(running, true);
      return new Promise<T[]>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (rows: unknown[]) => void, reject });
        running.send({ id, sql, params });
      });
    },
    async close() {
      const stopping = child;
      child = undefined;
      failAll(new Error('the side reader was closed'));
      if (stopping && stopping.exitCode === null) {
        const exited = new Promise((resolve) => stopping.once('exit', resolve));
        stopping.kill();
        await exited;
      }
    },
  };
}

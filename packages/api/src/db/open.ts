/**
 * @module Opening the database: a libSQL file (the default) or a Turso/sqld URL, with the pragmas
 * durability depends on, and `write()`, the only way to run a write transaction.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Client, createClient, type ResultSet } from '@libsql/client';
import type { SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/libsql';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { jsonLogger } from '../env.js';
import { oncePerTurn, openChangeStamp } from './change-stamp.js';
import { GroupCommitWriter } from './group-commit.js';
import * as schema from './schema.js';
import { openSideReader, SideStatementError } from './side-reader.js';
import { cachingClientUnsupported, openCachingClient } from './statement-cache.js';
import { type WriteObserver, WriteObservers } from './write-observers.js';
import { retryBusy, WriteQueue } from './writer.js';

/** How a write transaction is committed. */
export interface WriteOptions {
  /**
   * `false` for work that is safe to redo, such as the outbox's bookkeeping: on a local file its
   * commit need not wait for the disk when nothing durable shares it (it survives a process crash,
   * and a power loss only means the work is done again). Default `true`.
   */
  durable?: boolean;
}

/** A drizzle handle: the database itself, or a transaction in progress. */
export type Db = BaseSQLiteDatabase<'async', ResultSet, typeof schema>;

export interface Database {
  /** The client reads go through. */
  client: Client;
  /** Drizzle over `client`: for reads outside a transaction. */
  db: Db;
  /** Whether this is a local file (as opposed to a Turso/sqld server). */
  local: boolean;
  /**
   * Runs `fn` in a write transaction (`BEGIN IMMEDIATE`), queued behind every other write of this
   * process. `fn` may run more than once if another process holds the lock: keep it free of side
   * effects other than the database.
   */
  write<T>(fn: (tx: Db) => Promise<T>, options?: WriteOptions): Promise<T>;
  /**
   * Calls `listener` after each write of this process commits; answers the unsubscribe. The outbox
   * worker uses it to start on new work at once instead of at its next poll.
   */
  onCommit(listener: () => void): () => void;
  /** Write transactions of this process waiting or running (the write queue's depth). */
  writeQueueDepth(): number;
  /** Tells `observer` of every write transaction and busy retry from now on; returns the way to stop. */
  observeWrites(observer: WriteObserver): () => void;
  /**
   * A value that differs after any commit to the database by anyone (see `change-stamp.ts`), for
   * caches that must notice every change; absent, or undefined, when it cannot be told.
   */
  changeStamp?(): number | undefined;
  /**
   * Runs a read on a second connection in a process of its own (see `side-reader.ts`), so that it
   * overlaps reads of this process; absent where the main reader's requests already overlap or
   * there is one connection (a remote database, `:memory:`).
   */
  readBeside?<T>(query: SQL): Promise<T[]>;
  /** Waits for queued writes, then closes every connection. */
  close(): Promise<void>;
}

/**
 * Per-connection settings for a local file. WAL lets reads run beside the writer; `synchronous=FULL`
 * fsyncs the WAL on every commit, so an answered 201 survives `kill -9` and power loss alike
 * (NORMAL would survive a process crash but could lose the last commits on power loss).
 * `secure_delete=ON` zeroes what a change or delete frees instead of leaving it in the file's free
 * space: after a customer is erased, no old copy of a row (nor of one rewritten long before) keeps
 * their email in the file.
 */
const filePragmas = [
  'PRAGMA journal_mode=WAL',
  'PRAGMA busy_timeout=5000',
  'PRAGMA synchronous=FULL',
  'PRAGMA foreign_keys=ON',
  'PRAGMA secure_delete=ON',
];

/**
 * The read connections' page cache: 32 MiB instead of SQLite's 2 MiB. A report reads one business's
 * bookings from an index four times over; with 2 MiB every pass fetches its pages from the OS again
 * (a year of 48,000 bookings: the four passes took 98 ms with 64 MiB vs 117–140 ms with 2 MiB,
 * same file, same process). Pages are cached as they are read, so a small file costs no more.
 */
export const READ_CACHE_PRAGMA = 'PRAGMA cache_size=-32768';

function isFileUrl(url: string): boolean {
  return url === ':memory:' || url.startsWith('file:');
}

/** Creates the directory of a `file:` URL so that a fresh install can start without setup. */
function ensureDirectory(url: string): void {
  if (!url.startsWith('file:') || url.includes(':memory:')) return;
  mkdirSync(dirname(filePath(url)), { recursive: true });
}

/** The path of a `file:` URL (`file:./data/x.db`, `file:///abs/x.db`), without its query. */
export function filePath(url: string): string {
  return url.startsWith('file://') ? fileURLToPath(url) : url.slice('file:'.length).split('?')[0]!;
}

/** Why the statement-reusing client cannot run here, probed once per process; undefined: it can. */
let unsupported: Promise<string | undefined> | undefined;

function statementCacheOff(): Promise<string | undefined> {
  if (process.env.FRONTDESK_STATEMENT_CACHE === '0') return Promise.resolve('FRONTDESK_STATEMENT_CACHE=0');
  unsupported ??= cachingClientUnsupported().then((reason) => {
    if (reason)
      jsonLogger.warn('statement cache off: using the stock @libsql/client (slower reads)', { reason });
    return reason;
  });
  return unsupported;
}

/**
 * A plain file URL gets the client that reuses prepared statements (see statement-cache.ts) unless
 * `FRONTDESK_STATEMENT_CACHE=0` or the libSQL packages changed shape under it (then the stock client,
 * with a warning); `:memory:` and URLs with query options keep the stock client.
 */
async function openFileClient(url: string): Promise<Client> {
  const plain = url.startsWith('file:') && !url.includes(':memory:') && !url.includes('?');
  const caching = plain && (await statementCacheOff()) === undefined;
  const client = caching ? openCachingClient(filePath(url)) : createClient({ url });
  for (const pragma of filePragmas) await client.execute(pragma);
  return client;
}

let sideReaderFailed = false;

/**
 * A side read, or the same read on the main connection if the side reader cannot answer (its native
 * module failed to load, it died): slower, never a failed request. A statement's own error
 * is raised again by the main connection.
 */
function besideOrHere<T>(side: Promise<T[]>, db: Db, query: SQL): Promise<T[]> {
  return side.catch((error: unknown) => {
    // A refused statement is refused here too, with the error the caller expects: nothing to report.
    if (!sideReaderFailed && !(error instanceof SideStatementError)) {
      sideReaderFailed = true;
      jsonLogger.warn('side reader failed: reading on the main connection', { reason: String(error) });
    }
    return db.all<T>(query);
  });
}

/**
 * Opens `url` (`file:./data/frontdesk.db`, `libsql://…`, `http://…`). On a file, reads and writes
 * use two connections: the writer's connection runs nothing but queued transactions, so its
 * pragmas stay set (`client.transaction()` would open a fresh connection each time and lose them).
 */
export async function openDatabase(url: string, authToken?: string): Promise<Database> {
  const commits = new Set<() => void>();
  const onCommit = (listener: () => void) => {
    commits.add(listener);
    return () => void commits.delete(listener);
  };
  const committed = <T>(value: T): T => {
    for (const listener of commits) listener();
    return value;
  };
  if (!isFileUrl(url)) {
    const queue = new WriteQueue();
    const observers = new WriteObservers();
    const client = createClient(authToken ? { url, authToken } : { url });
    const db: Db = drizzle(client, { schema });
    const transaction = async <T>(fn: (tx: Db) => Promise<T>) => {
      const began = performance.now();
      try {
        return await db.transaction((tx) => fn(tx));
      } finally {
        observers.transaction(1, performance.now() - began);
      }
    };
    return {
      client,
      db,
      local: false,
      write: (fn) =>
        queue
          .run(() =>
            retryBusy(
              () => transaction(fn),
              undefined,
              () => observers.busyRetry(),
            ),
          )
          .then(committed),
      onCommit,
      writeQueueDepth: () => queue.pending,
      observeWrites: (observer) => observers.add(observer),
      close: async () => {
        await queue.drain();
        client.close();
      },
    };
  }
  ensureDirectory(url);
  const writer = await openFileClient(url);
  const reader = url.includes(':memory:') ? writer : await openFileClient(url);
  if (reader !== writer) await reader.execute(READ_CACHE_PRAGMA);
  const stamp = url.includes(':memory:') ? undefined : openChangeStamp(filePath(url));
  const side =
    url.includes(':memory:') || process.env.FRONTDESK_SIDE_READER === '0'
      ? undefined
      : openSideReader(filePath(url), [READ_CACHE_PRAGMA]);
  const writerDb: Db = drizzle(writer, { schema });
  const readerDb: Db = reader === writer ? writerDb : drizzle(reader, { schema });

  // One writer connection, all writes through it, committed in groups (see group-commit.ts).
  const observers = new WriteObservers();
  const group = new GroupCommitWriter<Db>(writer, writerDb, observers);

  return {
    client: reader,
    db: readerDb,
    local: true,
    write: (fn, options) => group.write(fn, options?.durable ?? true).then(committed),
    onCommit,
    writeQueueDepth: () => group.depth,
    observeWrites: (observer) => observers.add(observer),
    ...(stamp
      ? {
          changeStamp: oncePerTurn(stamp, (reset) =>
            observers.add({ transaction: reset, busyRetry: () => undefined }),
          ),
        }
      : {}),
    ...(side ? { readBeside: <T>(query: SQL) => besideOrHere<T>(side.all<T>(query), readerDb, query) } : {}),
    close: async () => {
      await group.drain();
      await side?.close();
      stamp?.close();
      writer.close();
      if (reader !== writer) reader.close();
    },
  };
}

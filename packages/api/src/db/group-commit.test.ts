/**
 * @module Group commit: batching, per-task rollback, results only after COMMIT, no stranded writes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Client, createClient, type InStatement } from '@libsql/client';
import { afterEach, describe, expect, it } from 'vitest';
import { GroupCommitWriter } from './group-commit.js';
import type { WriteObserver } from './write-observers.js';

let dir: string;
let client: Client;
afterEach(() => {
  client?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function open(observer?: WriteObserver) {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-group-'));
  client = createClient({ url: pathToFileURL(join(dir, 'g.db')).href });
  await client.execute('PRAGMA journal_mode=WAL');
  await client.execute('CREATE TABLE t (n INTEGER NOT NULL UNIQUE)');
  const statements: string[] = [];
  const spy = new Proxy(client, {
    get(target, prop) {
      if (prop === 'execute') {
        return (stmt: InStatement) => {
          statements.push(typeof stmt === 'string' ? stmt : stmt.sql);
          return target.execute(stmt);
        };
      }
      return Reflect.get(target, prop);
    },
  });
  return { writer: new GroupCommitWriter(spy, client, observer), statements };
}

describe('GroupCommitWriter', () => {
  it('commits waiting tasks together; a failing task is rolled back alone', async () => {
    const { writer, statements } = await open();
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        writer.write(async (db) => {
          // Task 7 violates the UNIQUE constraint after inserting: only its own rows go.
          await db.execute({ sql: 'INSERT INTO t (n) VALUES (?)', args: [i === 7 ? 100 : i] });
          if (i === 7) await db.execute({ sql: 'INSERT INTO t (n) VALUES (?)', args: [3] });
          return i;
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    expect(results[7]!.status).toBe('rejected');
    const rows = await client.execute('SELECT n FROM t ORDER BY n');
    expect(rows.rows.map((r) => r.n)).toEqual(Array.from({ length: 20 }, (_, i) => i).filter((i) => i !== 7));
    // Far fewer commits than tasks: the first task commits alone, the 19 that queued meanwhile together.
    expect(statements.filter((s) => s === 'COMMIT').length).toBeLessThanOrEqual(2);
  });

  it('reports each transaction with its size and time, and its depth while tasks wait', async () => {
    const transactions: { tasks: number; ms: number }[] = [];
    const { writer } = await open({
      transaction: (tasks, ms) => transactions.push({ tasks, ms }),
      busyRetry() {},
    });
    const depths: number[] = [];
    const writes = Array.from({ length: 10 }, (_, i) =>
      writer.write(async (db) => {
        depths.push(writer.depth);
        await db.execute({ sql: 'INSERT INTO t (n) VALUES (?)', args: [i] });
      }),
    );
    expect(writer.depth).toBe(10);
    await Promise.all(writes);
    expect(writer.depth).toBe(0);
    expect(transactions.reduce((sum, t) => sum + t.tasks, 0)).toBe(10);
    expect(transactions.every((t) => t.ms >= 0)).toBe(true);
    expect(Math.max(...depths)).toBe(10);
  });

  it('never strands a write queued just as the previous drain finishes', async () => {
    // Regression: a write issued in the microtasks right after another write resolved used to find
    // the finished drain still marked as running, and waited forever.
    // Each round waits a different number of microtask hops before the next write, so that one of
    // them lands in whatever window the drain leaves between finishing and being marked done.
    const { writer } = await open();
    const stalled = (ms: number) =>
      new Promise((_, reject) => setTimeout(() => reject(new Error('write stranded')), ms));
    for (let hops = 0; hops < 30; hops++) {
      await Promise.race([
        writer.write(async (db) => db.execute({ sql: 'INSERT INTO t (n) VALUES (?)', args: [hops] })),
        stalled(2000),
      ]);
      for (let i = 0; i < hops; i++) await Promise.resolve();
    }
    const rows = await client.execute('SELECT count(*) AS c FROM t');
    expect(Number(rows.rows[0]!.c)).toBe(30);
  });

  it('releases no result before its COMMIT', async () => {
    const { writer } = await open();
    const seen: number[] = [];
    await Promise.all(
      [1, 2, 3].map((n) =>
        writer
          .write(async (db) => {
            await db.execute({ sql: 'INSERT INTO t (n) VALUES (?)', args: [n] });
            return n;
          })
          .then(async (n) => {
            // Another connection sees the row as soon as the caller hears of success.
            const other = createClient({ url: pathToFileURL(join(dir, 'g.db')).href });
            const found = await other.execute({ sql: 'SELECT count(*) AS c FROM t WHERE n = ?', args: [n] });
            other.close();
            if (Number(found.rows[0]!.c) === 1) seen.push(n);
          }),
      ),
    );
    expect(seen.sort()).toEqual([1, 2, 3]);
  });

  it('commits a batch of only redoable tasks without waiting for the disk, and restores FULL after', async () => {
    const { writer, statements } = await open();
    await client.execute('PRAGMA synchronous=FULL');
    const level = async (db: Client) => Number((await db.execute('PRAGMA synchronous')).rows[0]![0]);
    const relaxed = await Promise.all([writer.write(level, false), writer.write(level, false)]);
    expect(relaxed).toEqual([1, 1]); // NORMAL
    const mixed = await Promise.all([writer.write(level, false), writer.write(level)]);
    expect(mixed).toEqual([2, 2]); // FULL: a durable task shares the commit
    expect(await level(client)).toBe(2);
    expect(statements.filter((s) => s.startsWith('PRAGMA synchronous='))).toEqual([
      'PRAGMA synchronous=NORMAL',
      'PRAGMA synchronous=FULL',
    ]);
  });
});

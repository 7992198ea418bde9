/**
 * @module The side reader answers what the main connection answers, sees every commit, cannot
 * write, and a read it cannot do still gets its answer from the main connection.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonLogger } from '../env.js';
import { type Database, openDatabase } from './open.js';
import { openSideReader, type SideReader } from './side-reader.js';

let dir: string;
let database: Database;
let side: SideReader;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-side-'));
  const file = join(dir, 'test.db');
  database = await openDatabase(pathToFileURL(file).href);
  await database.write(async (tx) => {
    await tx.run(sql`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)`);
    await tx.run(sql`INSERT INTO t (id, name) VALUES (1, 'a'), (2, 'b'), (3, 'c')`);
  });
  side = openSideReader(file);
});

afterEach(async () => {
  await side.close();
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the side reader', () => {
  it('answers the rows the main connection answers, by column name, with bound arguments', async () => {
    const query = sql`SELECT id, name, id * 10 AS tens FROM t WHERE id >= ${2} ORDER BY id`;
    const rows = await side.all(query);
    expect(rows).toEqual([
      { id: 2, name: 'b', tens: 20 },
      { id: 3, name: 'c', tens: 30 },
    ]);
    expect(rows).toEqual(await database.db.all(query));
  });

  it("reads with the read connections' page cache, on the main connection and beside it", async () => {
    expect(await database.db.all(sql`PRAGMA cache_size`)).toEqual([{ cache_size: -32768 }]);
    expect(await database.readBeside?.(sql`PRAGMA cache_size`)).toEqual([{ cache_size: -32768 }]);
    // Only the pragmas it is given: SQLite's default otherwise.
    expect(await side.all(sql`PRAGMA cache_size`)).toEqual([{ cache_size: -2000 }]);
  });

  it('sees a commit made after it started', async () => {
    expect(await side.all(sql`SELECT count(*) AS n FROM t`)).toEqual([{ n: 3 }]);
    await database.write((tx) => tx.run(sql`INSERT INTO t (id, name) VALUES (4, 'd')`));
    expect(await side.all(sql`SELECT count(*) AS n FROM t`)).toEqual([{ n: 4 }]);
  });

  it('cannot write: a write is refused and nothing changes', async () => {
    await expect(side.all(sql`INSERT INTO t (id, name) VALUES (9, 'z')`)).rejects.toThrow(
      /readonly|read-only/i,
    );
    expect(await database.db.all(sql`SELECT count(*) AS n FROM t WHERE id = 9`)).toEqual([{ n: 0 }]);
  });

  it('reports a statement error, and answers again afterwards', async () => {
    await expect(side.all(sql`SELECT nope FROM t`)).rejects.toThrow(/no such column/);
    expect(await side.all(sql`SELECT count(*) AS n FROM t`)).toEqual([{ n: 3 }]);
  });

  it('starts again after it was closed', async () => {
    expect(await side.all(sql`SELECT 1 AS one`)).toEqual([{ one: 1 }]);
    await side.close();
    expect(await side.all(sql`SELECT 2 AS two`)).toEqual([{ two: 2 }]);
  });
});

describe('Database.readBeside', () => {
  it('is there for a local file and answers as the main connection does', async () => {
    expect(database.readBeside).toBeTypeOf('function');
    const query = sql`SELECT name FROM t ORDER BY id DESC`;
    expect(await database.readBeside?.(query)).toEqual(await database.db.all(query));
  });

  it("raises the statement's own error (from the main connection) when the side read fails", async () => {
    const warn = vi.spyOn(jsonLogger, 'warn');
    try {
      // Drizzle's error, as any read on the main connection raises it.
      await expect(database.readBeside?.(sql`SELECT nope FROM t`)).rejects.toThrow(
        /Failed query: SELECT nope/,
      );
      // The side reader itself is fine: nothing is reported as its failure.
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it('is absent for :memory: (one connection) and when FRONTDESK_SIDE_READER=0', async () => {
    const memory = await openDatabase(':memory:');
    expect(memory.readBeside).toBeUndefined();
    await memory.close();
    process.env.FRONTDESK_SIDE_READER = '0';
    try {
      const off = await openDatabase(pathToFileURL(join(dir, 'off.db')).href);
      expect(off.readBeside).toBeUndefined();
      await off.close();
    } finally {
      delete process.env.FRONTDESK_SIDE_READER;
    }
  });
});

describe('a side reader that cannot start', () => {
  it('refuses every read with the reason, without starting a thread each time', async () => {
    // A directory is no database file: the thread fails before it answers anything.
    const broken = openSideReader(dir);
    const first = await broken.all(sql`SELECT 1 AS one`).catch((error: Error) => error);
    expect(first).toBeInstanceOf(Error);
    const second = await broken.all(sql`SELECT 1 AS one`).catch((error: Error) => error);
    expect(second).toBe(first);
    await broken.close();
  });
});

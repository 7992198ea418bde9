/**
 * @module The statement-reusing client answers exactly like the stock one: rows by position and
 * name, fresh arguments on every reuse, errors mapped to LibsqlError and recoverable.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Client, createClient, LibsqlError } from '@libsql/client';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './open.js';
import { cachingClientUnsupported, openCachingClient } from './statement-cache.js';

let dir: string;
let client: Client;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-stmt-'));
  client = openCachingClient(join(dir, 'test.db'));
  await client.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, big INTEGER)');
});

afterEach(() => {
  client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('openCachingClient', () => {
  it('binds new arguments each time a statement is reused', async () => {
    for (const [id, name] of [
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
    ] as const) {
      const result = await client.execute({
        sql: 'INSERT INTO t (id, name) VALUES (?, ?)',
        args: [id, name],
      });
      expect(result.rowsAffected).toBe(1);
      expect(result.lastInsertRowid).toBe(BigInt(id));
    }
    const select = 'SELECT id, name FROM t WHERE id >= :min ORDER BY id';
    const all = await client.execute({ sql: select, args: { min: 1 } });
    const some = await client.execute({ sql: select, args: { min: 3 } });
    expect(all.rows.map((r) => [r.id, r.name])).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
    ]);
    expect(some.rows).toHaveLength(1);
    // Like the stock client: by position too, and only names enumerable (drizzle relies on both).
    expect(Array.prototype.slice.call(some.rows[0])).toEqual([3, 'c']);
    expect(Object.keys(some.rows[0]!)).toEqual(['id', 'name']);
    expect(some.columns).toEqual(['id', 'name']);
  });

  it('shapes rows as the stock client does, with repeated, index-like and `length` column names', async () => {
    const stock = createClient({ url: `file:${join(dir, 'test.db')}` });
    try {
      await client.execute({ sql: 'INSERT INTO t (id, name, big) VALUES (?, ?, ?)', args: [7, 'x', null] });
      const query = 'SELECT id, name AS id, big AS length, name AS "1", name, id AS "9" FROM t';
      for (let i = 0; i < 2; i++) {
        const [ours] = (await client.execute(query)).rows;
        const [theirs] = (await stock.execute(query)).rows;
        const view = (row: unknown) => {
          const r = row as Record<string | number, unknown> & { length: number };
          return {
            keys: Object.keys(r),
            json: JSON.stringify(r),
            spread: { ...r },
            length: r.length,
            positions: Array.prototype.slice.call(r),
            named: [r.id, r.name, r['9']],
          };
        };
        expect(view(ours)).toEqual(view(theirs));
        expect(view(ours).positions).toEqual([7, 'x', null, 'x', 'x', 7]);
        expect(view(ours).keys).toEqual(['9', 'id', 'name']);
      }
    } finally {
      stock.close();
    }
  });

  it('reports constraint errors as LibsqlError and keeps working after one', async () => {
    const insert = 'INSERT INTO t (id, name) VALUES (?, ?)';
    await client.execute({ sql: insert, args: [1, 'a'] });
    const error = await client.execute({ sql: insert, args: [1, 'again'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LibsqlError);
    expect((error as LibsqlError).code).toBe('SQLITE_CONSTRAINT');
    await client.execute({ sql: insert, args: [2, 'b'] });
    const count = await client.execute('SELECT COUNT(*) AS n FROM t');
    expect(count.rows[0]!.n).toBe(2);
  });

  it('runs transactions on its one connection: a rollback undoes, a commit is seen by others', async () => {
    await client.execute('BEGIN IMMEDIATE');
    await client.execute({ sql: 'INSERT INTO t (id, name) VALUES (?, ?)', args: [1, 'gone'] });
    expect((await client.execute('SELECT COUNT(*) AS n FROM t')).rows[0]!.n).toBe(1);
    await client.execute('ROLLBACK');
    expect((await client.execute('SELECT COUNT(*) AS n FROM t')).rows[0]!.n).toBe(0);
    await client.execute('BEGIN IMMEDIATE');
    await client.execute({ sql: 'INSERT INTO t (id, name) VALUES (?, ?)', args: [2, 'kept'] });
    await client.execute('COMMIT');
    const other = createClient({ url: `file:${join(dir, 'test.db')}` });
    expect((await other.execute('SELECT name FROM t')).rows.map((r) => r.name)).toEqual(['kept']);
    other.close();
  });

  it("sees another connection's commits on the next reuse (a reused statement holds no old snapshot)", async () => {
    const count = 'SELECT COUNT(*) AS n FROM t';
    expect((await client.execute(count)).rows[0]!.n).toBe(0);
    const other = createClient({ url: `file:${join(dir, 'test.db')}` });
    await other.execute('PRAGMA journal_mode=WAL');
    await other.execute({ sql: 'INSERT INTO t (id, name) VALUES (?, ?)', args: [1, 'elsewhere'] });
    other.close();
    expect((await client.execute(count)).rows[0]!.n).toBe(1);
  });

  it('refuses integers a JavaScript number cannot hold, like the stock client', async () => {
    await client.execute({
      sql: 'INSERT INTO t (id, name, big) VALUES (?, ?, ?)',
      args: [1, 'x', 2n ** 60n],
    });
    await expect(client.execute('SELECT big FROM t')).rejects.toThrow(RangeError);
  });
});

describe('the private libSQL shape the statement cache relies on', () => {
  it('is still there in the installed @libsql/client and libsql (else: see the reason, then fix statement-cache.ts or unpin)', async () => {
    expect(await cachingClientUnsupported()).toBeUndefined();
  });

  it('can be turned off: FRONTDESK_STATEMENT_CACHE=0 opens the stock client, which reads and writes alike', async () => {
    const url = `file:${join(dir, 'stock.db')}`;
    const before = process.env.FRONTDESK_STATEMENT_CACHE;
    process.env.FRONTDESK_STATEMENT_CACHE = '0';
    const stock = await openDatabase(url);
    if (before === undefined) delete process.env.FRONTDESK_STATEMENT_CACHE;
    else process.env.FRONTDESK_STATEMENT_CACHE = before;
    const caching = await openDatabase(`file:${join(dir, 'caching.db')}`);
    try {
      expect(stock.client.constructor.name).toBe('Sqlite3Client');
      expect(caching.client.constructor.name).toBe('CachingClient');
      for (const database of [stock, caching]) {
        await database.write((tx) => tx.run(sql`CREATE TABLE n (v INTEGER)`));
        await database.write((tx) => tx.run(sql`INSERT INTO n VALUES (1), (2)`));
        const { rows } = await database.client.execute('SELECT sum(v) AS total FROM n');
        expect(rows[0]?.total).toBe(3);
      }
    } finally {
      await stock.close();
      await caching.close();
    }
  });
});

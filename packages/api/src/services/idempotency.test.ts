/**
 * @module Idempotency answers: replay after a day, pruning after 48 hours, sealed storage.
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers.js';
import { idempotencyKeys } from '../db/schema.js';
import { sha256 } from '../ids.js';
import { createIdempotently, fingerprint } from './idempotency.js';

let t: TestApp;
afterEach(async () => t?.close());

const HOUR = 3_600_000;

describe('createIdempotently', () => {
  it('replays after a day, and pruning removes only answers older than 48 h', async () => {
    t = await createTestApp({ catalog: false });
    const now = t.clock();
    const run = (key: string, at: number, prune = false) =>
      createIdempotently(
        t.db,
        {
          businessId: t.businessId,
          key,
          fingerprint: fingerprint('POST', '/v1/x', { n: 1 }),
          now: at,
          prune,
        },
        async () => ({ status: 201, body: { created: key, at } }),
      );
    await run('old', now - 49 * HOUR);
    await run('day-old', now - 25 * HOUR);
    // A day later the same request still replays the first answer.
    const replay = await run('day-old', now);
    expect(replay).toMatchObject({ replayed: true, body: { created: 'day-old', at: now - 25 * HOUR } });
    // Pruning runs on about one write in a hundred; force it here.
    await run('new', now, true);
    const keys = await t.db.db
      .select({ key: idempotencyKeys.key })
      .from(idempotencyKeys)
      .where(eq(idempotencyKeys.businessId, t.businessId));
    // Only hashes of the keys are stored.
    expect(keys.map((k) => k.key).sort()).toEqual([sha256('day-old'), sha256('new')].sort());
  });

  it('stores the answer sealed: no key, body or request hash in clear; replays and conflicts still work', async () => {
    t = await createTestApp({ catalog: false });
    const body = { manageToken: 'mt_SECRETSECRETSECRET', email: 'ana@example.com' };
    const run = (key: string, request: unknown) =>
      createIdempotently(
        t.db,
        { businessId: t.businessId, key, fingerprint: fingerprint('POST', '/v1/x', request), now: t.clock() },
        async () => ({ status: 201, body }),
      );
    await run('client-key-1', { n: 1 });
    const [row] = await t.db.db
      .select()
      .from(idempotencyKeys)
      .where(eq(idempotencyKeys.businessId, t.businessId));
    expect(row).toBeDefined();
    const stored = JSON.stringify(row);
    expect(stored).not.toContain('client-key-1');
    expect(stored).not.toContain('mt_SECRET');
    expect(stored).not.toContain('ana@example.com');
    expect(row?.requestHash).not.toBe(fingerprint('POST', '/v1/x', { n: 1 }));
    expect(await run('client-key-1', { n: 1 })).toEqual({ status: 201, body, replayed: true });
    await expect(run('client-key-1', { n: 2 })).rejects.toMatchObject({ code: 'idempotency_conflict' });
  });

  it('still replays an answer stored before sealing (raw key, plain body)', async () => {
    t = await createTestApp({ catalog: false });
    const print = fingerprint('POST', '/v1/x', { n: 1 });
    await t.db.write((tx) =>
      tx.insert(idempotencyKeys).values({
        businessId: t.businessId,
        key: 'legacy-key',
        requestHash: print,
        status: 201,
        body: JSON.stringify({ id: 'old' }),
        createdAt: t.clock(),
      }),
    );
    const answer = await createIdempotently(
      t.db,
      { businessId: t.businessId, key: 'legacy-key', fingerprint: print, now: t.clock() },
      async () => ({ status: 201, body: { id: 'new' } }),
    );
    expect(answer).toEqual({ status: 201, body: { id: 'old' }, replayed: true });
  });
});

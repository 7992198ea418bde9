/**
 * @module Idempotency answers: replay after a day, pruning after 48 hours.
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers.js';
import { idempotencyKeys } from '../db/schema.js';
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
    expect(keys.map((k) => k.key).sort()).toEqual(['day-old', 'new']);
  });
});

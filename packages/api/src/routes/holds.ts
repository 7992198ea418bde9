/**
 * @module `POST /holds` (rate limited, live holds capped per client, Idempotency-Key) and
 * `DELETE /holds/{id}` (release).
 */
import { HoldInput } from '@frontdesk/core';
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { isSecret } from '../middleware/auth.js';
import { respondIdempotently } from '../middleware/idempotency.js';
import { readJson } from '../middleware/validate.js';
import { createHold, releaseHold } from '../services/holds.js';
import { param, type RouteKit, scope } from './kit.js';

export function holdRoutes(kit: RouteKit): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/holds', kit.publicWriteLimit, async (c) => {
    const input = await readJson(c, HoldInput);
    const { businessId, now, auth, logger } = scope(c);
    const secret = isSecret(auth);
    const client = kit.clientOf(c);
    return respondIdempotently(c, input, async (tx) => {
      const hold = await createHold(tx, businessId, input, now, secret, logger);
      // After the slot check (a taken time answers 409, the more useful news) and inside the write
      // transaction, so parallel requests of one client cannot overshoot; a 429 rolls the hold back.
      if (!secret) {
        await kit.liveHolds.admit(tx, client, now);
        kit.liveHolds.record(client, { id: hold.id, expiresAt: Date.parse(hold.expiresAt) });
      }
      return { status: 201, body: hold };
    });
  });
  app.delete('/holds/:id', kit.publicWriteLimit, async (c) => {
    const { database, businessId, now } = scope(c);
    await database.write((tx) => releaseHold(tx, businessId, param(c, 'id'), now));
    return c.body(null, 204);
  });
  return app;
}

/**
 * @module `POST /holds` (rate limited, Idempotency-Key) and `DELETE /holds/{id}` (release).
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
    const { businessId, now, auth } = scope(c);
    return respondIdempotently(c, input, async (tx) => ({
      status: 201,
      body: await createHold(tx, businessId, input, now, isSecret(auth)),
    }));
  });
  app.delete('/holds/:id', kit.publicWriteLimit, async (c) => {
    const { database, businessId, now } = scope(c);
    await database.write((tx) => releaseHold(tx, businessId, param(c, 'id'), now));
    return c.body(null, 204);
  });
  return app;
}

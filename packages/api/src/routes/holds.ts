/**
 * @module `POST /holds` (rate limited, live holds capped per client, Idempotency-Key) and
 * `DELETE /holds/{id}` (release).
 */
import { Hold, HoldInput } from '@frontdesk/core';
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { isSecret } from '../middleware/auth.js';
import { respondIdempotently } from '../middleware/idempotency.js';
import { readJson } from '../middleware/validate.js';
import { empty, problem } from '../openapi/answers.js';
import { route } from '../openapi/route.js';
import { createHold, releaseHold } from '../services/holds.js';
import { admitLiveHold, holdClientHashOf } from '../services/live-hold-limit.js';
import { param, type RouteKit, scope } from './kit.js';

export function holdRoutes(kit: RouteKit): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post(
    '/holds',
    route({
      summary: 'Hold a slot for a few minutes',
      description:
        'Keeps the seat while the customer fills the form; it counts against capacity until it expires ' +
        '(`expiresAt`) or becomes a booking (`holdId`). A publishable key may keep a few live holds per ' +
        'client address at once; past that, `429`.',
      tag: 'Booking',
      auth: 'any',
      body: HoldInput,
      responses: {
        201: Hold,
        404: problem({ not_found: 'No such service (or resource) in this business.' }),
        409: problem({ slot_unavailable: 'That start is not offered, or its seats are taken.' }),
        429: problem({ rate_limited: 'This client already keeps the most live holds it may.' }),
      },
      idempotent: true,
      rateLimited: true,
    }),
    kit.publicWriteLimit,
    async (c) => {
      const input = await readJson(c, HoldInput);
      const { businessId, now, auth, logger } = scope(c);
      const secret = isSecret(auth);
      const cap = kit.maxLiveHoldsPerClient;
      const clientHash = secret || cap === false ? null : holdClientHashOf(kit.clientOf(c));
      return respondIdempotently(c, input, async (tx) => {
        const hold = await createHold(tx, businessId, input, now, secret, logger, clientHash);
        // After the slot check (a taken time answers 409, the more useful news) and inside the write
        // transaction, so parallel requests, of any process, cannot overshoot; a 429 rolls the hold back.
        if (clientHash !== null && cap !== false) await admitLiveHold(tx, clientHash, cap, now);
        return { status: 201, body: hold };
      });
    },
  );
  app.delete(
    '/holds/:id',
    route({
      summary: 'Release a hold',
      description: 'Frees the seat at once (a customer who leaves the form), instead of at `expiresAt`.',
      tag: 'Booking',
      auth: 'any',
      responses: { 204: empty('Released') },
      rateLimited: true,
    }),
    kit.publicWriteLimit,
    async (c) => {
      const { database, businessId, now } = scope(c);
      await database.write((tx) => releaseHold(tx, businessId, param(c, 'id'), now));
      return c.body(null, 204);
    },
  );
  return app;
}

/**
 * @module Click-and-collect: `POST /reservations` (any key; rate-limited like bookings, and for
 * publishable keys capped in units and live reservations per client by the stock settings; accepts
 * `Idempotency-Key`),
 * `GET /reservations/{id}?token=` (the customer, or a secret key), `POST …/release` (customer
 * token or secret key), `POST …/collect` and `GET /reservations` (secret key).
 */
import { ManageTokenQuery, ReservationInput, ReservationListQuery } from '@frontdesk/core';
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { isSecret, requireSecret } from '../middleware/auth.js';
import { respondIdempotently } from '../middleware/idempotency.js';
import { readJson, readQuery } from '../middleware/validate.js';
import {
  collectReservation,
  createReservation,
  getReservation,
  getReservationByToken,
  listReservations,
  releaseReservation,
  toReservation,
} from '../services/reservations.js';
import type { RouteKit } from './kit.js';
import { param, scope } from './kit.js';

export function reservationRoutes(kit: RouteKit): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/reservations', kit.publicWriteLimit, async (c) => {
    const input = await readJson(c, ReservationInput);
    const { businessId, auth, now } = scope(c);
    const caller = isSecret(auth)
      ? { secret: true as const }
      : { secret: false as const, client: kit.clientOf(c) };
    // Idempotency-Key: the same key and body replay the first answer (also a 409), inside the tx.
    // A refusal (422, 429) throws and rolls back, so it is not stored as the key's answer.
    return respondIdempotently(c, input, async (tx) => ({
      status: 201,
      body: await createReservation(tx, businessId, input, now, caller),
    }));
  });

  app.get('/reservations', requireSecret(), async (c) => {
    const query = readQuery(c, ReservationListQuery);
    const { db, businessId, now } = scope(c);
    return c.json(await listReservations(db, businessId, query, now));
  });

  app.get('/reservations/:id', async (c) => {
    const { token } = readQuery(c, ManageTokenQuery);
    const { db, businessId, auth, now } = scope(c);
    const id = param(c, 'id');
    const row =
      isSecret(auth) && !token
        ? await getReservation(db, businessId, id)
        : await getReservationByToken(db, businessId, id, token);
    return c.json(toReservation(row, now));
  });

  app.post('/reservations/:id/release', kit.publicWriteLimit, async (c) => {
    const { token } = readQuery(c, ManageTokenQuery);
    const { database, businessId, auth, now } = scope(c);
    const id = param(c, 'id');
    const reservation = await database.write(async (tx) => {
      if (!isSecret(auth) || token) await getReservationByToken(tx, businessId, id, token);
      return releaseReservation(tx, businessId, id, now);
    });
    return c.json(reservation);
  });

  app.post('/reservations/:id/collect', requireSecret(), async (c) => {
    const { database, businessId, now } = scope(c);
    const id = param(c, 'id');
    return c.json(await database.write((tx) => collectReservation(tx, businessId, id, now)));
  });

  return app;
}

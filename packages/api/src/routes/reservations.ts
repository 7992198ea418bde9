/**
 * @module Click-and-collect: `POST /reservations` (any key; rate-limited like bookings, and for
 * publishable keys capped in units and live reservations per client by the stock settings; accepts
 * `Idempotency-Key`),
 * `GET /reservations/{id}?token=` (the customer, or a secret key), `POST …/release` (customer
 * token or secret key), `POST …/collect` and `GET /reservations` (secret key).
 */
import {
  listOf,
  ManageTokenQuery,
  Reservation,
  ReservationInput,
  ReservationListQuery,
} from '@frontdesk/core';
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { isSecret } from '../middleware/auth.js';
import { respondIdempotently } from '../middleware/idempotency.js';
import { readJson, readQuery } from '../middleware/validate.js';
import { problem } from '../openapi/answers.js';
import { route } from '../openapi/route.js';
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

  app.post(
    '/reservations',
    route({
      summary: 'Reserve units for pickup',
      description:
        'Click and collect: holds `quantity` units at one location until `expiresAt`, then they are ' +
        'released unless collected. The answer carries `manageToken` for the customer.',
      tag: 'Reservations',
      auth: 'any',
      body: ReservationInput,
      responses: {
        201: Reservation,
        409: problem({ insufficient_stock: 'Fewer units are available at that location.' }),
        429: problem({
          rate_limited:
            'Too many writes from this client, or (publishable key) this client already keeps the most ' +
            'live reservations the business allows.',
        }),
      },
      idempotent: true,
      rateLimited: true,
    }),
    kit.publicWriteLimit,
    async (c) => {
      const input = await readJson(c, ReservationInput);
      const { businessId, auth, now } = scope(c);
      const caller = isSecret(auth)
        ? { secret: true as const }
        : { secret: false as const, client: kit.clientOf(c) };
      // Idempotency-Key: the same key and body replay the first answer (also a 409), inside the tx.
      return respondIdempotently(c, input, async (tx) => ({
        status: 201,
        body: await createReservation(tx, businessId, input, now, caller),
      }));
    },
  );

  app.get(
    '/reservations',
    route({
      summary: 'List reservations',
      tag: 'Reservations',
      auth: 'secret',
      query: ReservationListQuery,
      responses: { 200: listOf(Reservation) },
    }),
    async (c) => {
      const query = readQuery(c, ReservationListQuery);
      const { db, businessId, now } = scope(c);
      return c.json(await listReservations(db, businessId, query, now));
    },
  );

  app.get(
    '/reservations/:id',
    route({
      summary: 'Get a reservation',
      description:
        'A publishable key needs the manage token (`?token=`); a secret key reads any reservation.',
      tag: 'Reservations',
      auth: 'any',
      query: ManageTokenQuery,
      responses: { 200: Reservation },
    }),
    async (c) => {
      const { token } = readQuery(c, ManageTokenQuery);
      const { db, businessId, auth, now } = scope(c);
      const id = param(c, 'id');
      const row =
        isSecret(auth) && !token
          ? await getReservation(db, businessId, id)
          : await getReservationByToken(db, businessId, id, token);
      return c.json(toReservation(row, now));
    },
  );

  app.post(
    '/reservations/:id/release',
    route({
      summary: 'Release a reservation',
      description: 'The units are available again. A publishable key needs the manage token (`?token=`).',
      tag: 'Reservations',
      auth: 'any',
      query: ManageTokenQuery,
      responses: {
        200: Reservation,
        409: problem({ invalid_state: 'The reservation is not active (collected, released or expired).' }),
      },
      rateLimited: true,
    }),
    kit.publicWriteLimit,
    async (c) => {
      const { token } = readQuery(c, ManageTokenQuery);
      const { database, businessId, auth, now } = scope(c);
      const id = param(c, 'id');
      const reservation = await database.write(async (tx) => {
        if (!isSecret(auth) || token) await getReservationByToken(tx, businessId, id, token);
        return releaseReservation(tx, businessId, id, now);
      });
      return c.json(reservation);
    },
  );

  app.post(
    '/reservations/:id/collect',
    route({
      summary: 'Mark a reservation collected',
      description: 'The customer picked the units up: on-hand stock decreases by the quantity.',
      tag: 'Reservations',
      auth: 'secret',
      responses: {
        200: Reservation,
        409: problem({ invalid_state: 'The reservation is not active (collected, released or expired).' }),
      },
    }),
    async (c) => {
      const { database, businessId, now } = scope(c);
      const id = param(c, 'id');
      return c.json(await database.write((tx) => collectReservation(tx, businessId, id, now)));
    },
  );

  return app;
}

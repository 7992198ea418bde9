/**
 * @module `GET /events` (secret key): the event log, for audit and for catching up on changes.
 */
import { Instant, ListQuery, listOf } from '@frontdesk/core';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { AppEnv } from '../env.js';
import { readQuery } from '../middleware/validate.js';
import { named } from '../openapi/components.js';
import { route } from '../openapi/route.js';
import { listEvents } from '../services/events.js';
import { scope } from './kit.js';

const EventListQuery = z.extend(ListQuery, { type: z.optional(z.string().check(z.maxLength(100))) });

/** One entry of the log (`services/events.ts` `EventRecord`). */
const Event = named(
  'Event',
  z.object({
    /** Increasing; the log is read in this order. */
    id: z.int(),
    /** Dotted name such as `booking.created`, `stock.changed`. */
    type: z.string(),
    subjectId: z.string(),
    payload: z.unknown(),
    createdAt: Instant,
  }),
);

export function eventRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get(
    '/events',
    route({
      summary: 'The event log',
      description:
        'Every change others care about, oldest first, written in the same transaction as the change. ' +
        'Filter by `type` (e.g. `booking.created`); page with `cursor`.',
      tag: 'Events',
      auth: 'secret',
      query: EventListQuery,
      responses: { 200: listOf(Event) },
    }),
    async (c) => {
      const query = readQuery(c, EventListQuery);
      const { db, businessId } = scope(c);
      return c.json(await listEvents(db, businessId, query));
    },
  );
  return app;
}

/**
 * @module `GET /events` (secret key or owner): the event log, for audit and for catching up on
 * changes; each event names its actor.
 */
import { Event, EventListQuery, listOf } from '@frontdesk/core';
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { readQuery } from '../middleware/validate.js';
import { route } from '../openapi/route.js';
import { listEvents } from '../services/events.js';
import { scope } from './kit.js';

export function eventRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get(
    '/events',
    route({
      summary: 'The event log',
      description:
        'Every change others care about, oldest first, written in the same transaction as the change, ' +
        'with its `actor`: a console user (by name), an API key, or the server itself. Filter by `type` ' +
        '(e.g. `booking.created`) or `subject` (one id); page with `cursor`.',
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

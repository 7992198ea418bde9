/**
 * @module `GET /events` (secret key or owner): the event log, for audit and for catching up on
 * changes; each event names its actor.
 */
import { EventListQuery } from '@frontdesk/core';
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { requireSecret } from '../middleware/auth.js';
import { readQuery } from '../middleware/validate.js';
import { listEvents } from '../services/events.js';
import { scope } from './kit.js';

export function eventRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/events', requireSecret(), async (c) => {
    const query = readQuery(c, EventListQuery);
    const { db, businessId } = scope(c);
    return c.json(await listEvents(db, businessId, query));
  });
  return app;
}

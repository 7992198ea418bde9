/**
 * @module `GET /events` (secret key): the event log, for audit and for catching up on changes.
 */
import { ListQuery } from '@frontdesk/core';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { AppEnv } from '../env.js';
import { requireSecret } from '../middleware/auth.js';
import { readQuery } from '../middleware/validate.js';
import { listEvents } from '../services/events.js';
import { scope } from './kit.js';

const EventListQuery = z.extend(ListQuery, { type: z.optional(z.string().check(z.maxLength(100))) });

export function eventRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/events', requireSecret(), async (c) => {
    const query = readQuery(c, EventListQuery);
    const { db, businessId } = scope(c);
    return c.json(await listEvents(db, businessId, query));
  });
  return app;
}

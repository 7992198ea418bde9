/**
 * @module Messages (secret key): `GET /messages` and `GET /bookings/{id}/messages`, each message
 * with its status, SMTP answer and rendered preview.
 */
import { MessageListQuery } from '@frontdesk/core';
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { requireSecret } from '../middleware/auth.js';
import { readQuery } from '../middleware/validate.js';
import { bookingMessages, listMessages } from '../services/messages.js';
import { param, scope } from './kit.js';

export function messageRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/messages', requireSecret(), async (c) => {
    const query = readQuery(c, MessageListQuery);
    const { db, businessId } = scope(c);
    return c.json(await listMessages(db, businessId, query));
  });
  app.get('/bookings/:id/messages', requireSecret(), async (c) => {
    const query = readQuery(c, MessageListQuery);
    const { db, businessId } = scope(c);
    return c.json(await bookingMessages(db, businessId, param(c, 'id'), query));
  });
  return app;
}

/**
 * @module Messages (secret key): `GET /messages` and `GET /bookings/{id}/messages`, each message
 * with its status, SMTP answer and rendered preview.
 */
import { listOf, Message, MessageListQuery } from '@frontdesk/core';
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { readQuery } from '../middleware/validate.js';
import { problem } from '../openapi/answers.js';
import { route } from '../openapi/route.js';
import { bookingMessages, listMessages } from '../services/messages.js';
import { param, scope } from './kit.js';

export function messageRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get(
    '/messages',
    route({
      summary: 'Mail sent, queued, failed, skipped or (without SMTP) kept unsent, with previews',
      tag: 'Messages',
      auth: 'secret',
      query: MessageListQuery,
      responses: { 200: listOf(Message) },
    }),
    async (c) => {
      const query = readQuery(c, MessageListQuery);
      const { db, businessId } = scope(c);
      return c.json(await listMessages(db, businessId, query));
    },
  );
  app.get(
    '/bookings/:id/messages',
    route({
      summary: 'The messages about one booking',
      tag: 'Messages',
      auth: 'secret',
      query: MessageListQuery,
      responses: { 200: listOf(Message), 404: problem({ not_found: 'No such booking in this business.' }) },
    }),
    async (c) => {
      const query = readQuery(c, MessageListQuery);
      const { db, businessId } = scope(c);
      return c.json(await bookingMessages(db, businessId, param(c, 'id'), query));
    },
  );
  return app;
}

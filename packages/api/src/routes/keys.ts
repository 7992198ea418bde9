/**
 * @module API keys (secret key only): `GET/POST /keys`, `DELETE /keys/{id}` revokes.
 */
import { ApiKey, ApiKeyInput, CreatedApiKey, ListQuery, listOf } from '@frontdesk/core';
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { readJson, readQuery } from '../middleware/validate.js';
import { json } from '../openapi/answers.js';
import { route } from '../openapi/route.js';
import { createKey, listKeys, revokeKey } from '../services/keys.js';
import { param, scope } from './kit.js';

export function keyRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get(
    '/keys',
    route({
      summary: 'List API keys',
      description:
        'Keys are stored hashed: the list shows their prefix, kind, label and origins, never the key.',
      tag: 'Keys',
      auth: 'secret',
      query: ListQuery,
      responses: { 200: listOf(ApiKey) },
    }),
    async (c) => {
      const query = readQuery(c, ListQuery);
      const { db, businessId } = scope(c);
      return c.json(await listKeys(db, businessId, query.cursor, query.limit));
    },
  );
  app.post(
    '/keys',
    route({
      summary: 'Create a key',
      description:
        'The answer is the only time the key itself (`secret`) is shown. `rateLimitPerMinute` gives a ' +
        "secret key its own budget of rate-limited writes a minute (default: the server's, 600).",
      tag: 'Keys',
      auth: 'secret',
      body: ApiKeyInput,
      responses: { 201: CreatedApiKey },
    }),
    async (c) => {
      const input = await readJson(c, ApiKeyInput);
      const { database, businessId, now } = scope(c);
      return c.json(await database.write((tx) => createKey(tx, businessId, input, now)), 201);
    },
  );
  app.delete(
    '/keys/:id',
    route({
      summary: 'Revoke a key',
      description:
        'Requests with the key fail from now on; its open stock streams end at their next heartbeat.',
      tag: 'Keys',
      auth: 'secret',
      responses: { 200: json(ApiKey, 'The revoked key') },
    }),
    async (c) => {
      const { database, businessId, now } = scope(c);
      return c.json(await database.write((tx) => revokeKey(tx, businessId, param(c, 'id'), now)));
    },
  );
  return app;
}

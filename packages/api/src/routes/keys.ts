/**
 * @module API keys (secret key only): `GET/POST /keys`, `DELETE /keys/{id}` revokes.
 */
import { ApiKeyInput, ListQuery } from '@frontdesk/core';
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { requireSecret } from '../middleware/auth.js';
import { readJson, readQuery } from '../middleware/validate.js';
import { createKey, listKeys, revokeKey } from '../services/keys.js';
import { param, scope } from './kit.js';

export function keyRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/keys', requireSecret());
  app.use('/keys/*', requireSecret());
  app.get('/keys', async (c) => {
    const query = readQuery(c, ListQuery);
    const { db, businessId } = scope(c);
    return c.json(await listKeys(db, businessId, query.cursor, query.limit));
  });
  app.post('/keys', async (c) => {
    const input = await readJson(c, ApiKeyInput);
    const { database, businessId, now } = scope(c);
    return c.json(await database.write((tx) => createKey(tx, businessId, input, now)), 201);
  });
  app.delete('/keys/:id', async (c) => {
    const { database, businessId, now } = scope(c);
    return c.json(await database.write((tx) => revokeKey(tx, businessId, param(c, 'id'), now)));
  });
  return app;
}

/**
 * @module The people of the business (owner session or secret key): list, invite (the answer
 * carries the one-time link, so it works without mail), change role and resources, remove, and
 * issue a fresh link.
 */
import { ListQuery, UserInput, UserUpdate } from '@frontdesk/core';
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { requireSecret } from '../middleware/auth.js';
import { consoleUrl } from '../middleware/site.js';
import { readJson, readQuery } from '../middleware/validate.js';
import { inviteUser, listUsers, reinviteUser, removeUser, updateUser } from '../services/users.js';
import { param, scope } from './kit.js';

export function userRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/users', requireSecret());
  app.use('/users/*', requireSecret());
  app.get('/users', async (c) => {
    const query = readQuery(c, ListQuery);
    const { db, businessId } = scope(c);
    return c.json(await listUsers(db, businessId, query));
  });
  app.post('/users', async (c) => {
    const input = await readJson(c, UserInput);
    const { database, businessId, now } = scope(c);
    const url = consoleUrl(c, c.var.deps.site);
    return c.json(await database.write((tx) => inviteUser(tx, businessId, input, url, now)), 201);
  });
  app.patch('/users/:id', async (c) => {
    const patch = await readJson(c, UserUpdate);
    const { database, businessId, now } = scope(c);
    return c.json(await database.write((tx) => updateUser(tx, businessId, param(c, 'id'), patch, now)));
  });
  app.delete('/users/:id', async (c) => {
    const { database, businessId, now } = scope(c);
    await database.write((tx) => removeUser(tx, businessId, param(c, 'id'), now));
    return c.body(null, 204);
  });
  app.post('/users/:id/invitation', async (c) => {
    const { database, businessId, now } = scope(c);
    const url = consoleUrl(c, c.var.deps.site);
    return c.json(await database.write((tx) => reinviteUser(tx, businessId, param(c, 'id'), url, now)), 201);
  });
  return app;
}

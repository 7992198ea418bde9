/**
 * @module Services: `GET /services[/{id}]` for any key (publishable keys see active ones only),
 * `POST`, `PATCH`, `DELETE` for secret keys.
 */
import { ListQuery, ServiceInput, ServiceUpdate } from '@frontdesk/core';
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { notFound } from '../errors.js';
import { isSecret, requireSecret } from '../middleware/auth.js';
import { readJson, readQuery } from '../middleware/validate.js';
import {
  createService,
  deleteService,
  getService,
  listServices,
  updateService,
} from '../services/catalog.js';
import { param, scope } from './kit.js';

export function serviceRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/services', async (c) => {
    const query = readQuery(c, ListQuery);
    const { db, businessId, auth } = scope(c);
    return c.json(await listServices(db, businessId, { ...query, activeOnly: !isSecret(auth) }));
  });
  app.get('/services/:id', async (c) => {
    const { db, businessId, auth } = scope(c);
    const { wire } = await getService(db, businessId, param(c, 'id'));
    if (!wire.active && !isSecret(auth)) throw notFound('Service');
    return c.json(wire);
  });
  app.post('/services', requireSecret(), async (c) => {
    const input = await readJson(c, ServiceInput);
    const { database, businessId, now } = scope(c);
    return c.json(await database.write((tx) => createService(tx, businessId, input, now)), 201);
  });
  app.patch('/services/:id', requireSecret(), async (c) => {
    const patch = await readJson(c, ServiceUpdate);
    const { database, businessId, now } = scope(c);
    return c.json(await database.write((tx) => updateService(tx, businessId, param(c, 'id'), patch, now)));
  });
  app.delete('/services/:id', requireSecret(), async (c) => {
    const { database, businessId, now } = scope(c);
    await database.write((tx) => deleteService(tx, businessId, param(c, 'id'), now));
    return c.body(null, 204);
  });
  return app;
}

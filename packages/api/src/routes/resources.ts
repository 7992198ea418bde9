/**
 * @module Resources: `GET /resources` for any key (no private fields exist on a resource;
 * publishable keys see active ones only); create, update, hours and delete for secret keys.
 */
import { ListQuery, ResourceInput, ResourceUpdate, WeeklyHours } from '@frontdesk/core';
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { notFound } from '../errors.js';
import { isSecret, requireSecret } from '../middleware/auth.js';
import { resourceScope } from '../middleware/staff-scope.js';
import { readJson, readQuery } from '../middleware/validate.js';
import {
  createResource,
  deleteResource,
  getResourceRow,
  listResources,
  resourceToWire,
  updateResource,
} from '../services/resources.js';
import { param, scope } from './kit.js';

export function resourceRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/resources', async (c) => {
    const query = readQuery(c, ListQuery);
    const { db, businessId, auth } = scope(c);
    return c.json(
      await listResources(db, businessId, {
        ...query,
        activeOnly: !isSecret(auth),
        only: resourceScope(auth),
      }),
    );
  });
  app.get('/resources/:id', async (c) => {
    const { db, businessId, auth } = scope(c);
    const row = await getResourceRow(db, businessId, param(c, 'id'));
    if (!row.active && !isSecret(auth)) throw notFound('Resource');
    if (resourceScope(auth)?.includes(row.id) === false) throw notFound('Resource');
    return c.json(resourceToWire(row));
  });
  app.post('/resources', requireSecret(), async (c) => {
    const input = await readJson(c, ResourceInput);
    const { database, businessId, now } = scope(c);
    return c.json(await database.write((tx) => createResource(tx, businessId, input, now)), 201);
  });
  app.patch('/resources/:id', requireSecret(), async (c) => {
    const patch = await readJson(c, ResourceUpdate);
    const { database, businessId, now } = scope(c);
    return c.json(await database.write((tx) => updateResource(tx, businessId, param(c, 'id'), patch, now)));
  });
  app.put('/resources/:id/hours', requireSecret(), async (c) => {
    const hours = await readJson(c, WeeklyHours);
    const { database, businessId, now } = scope(c);
    return c.json(
      await database.write((tx) => updateResource(tx, businessId, param(c, 'id'), { hours }, now)),
    );
  });
  app.delete('/resources/:id', requireSecret(), async (c) => {
    const { database, businessId, now } = scope(c);
    await database.write((tx) => deleteResource(tx, businessId, param(c, 'id'), now));
    return c.body(null, 204);
  });
  return app;
}

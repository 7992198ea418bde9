/**
 * @module Resources: `GET /resources` for any key (no private fields exist on a resource;
 * publishable keys see active ones only); create, update, hours and delete for secret keys.
 */
import { ListQuery, listOf, Resource, ResourceInput, ResourceUpdate, WeeklyHours } from '@frontdesk/core';
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { notFound } from '../errors.js';
import { isSecret } from '../middleware/auth.js';
import { resourceScope } from '../middleware/staff-scope.js';
import { readJson, readQuery } from '../middleware/validate.js';
import { empty, problem } from '../openapi/answers.js';
import { route } from '../openapi/route.js';
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
  app.get(
    '/resources',
    route({
      summary: 'List resources',
      description: "Publishable keys see active resources only; a staff member's session, theirs only.",
      tag: 'Resources',
      auth: 'any',
      query: ListQuery,
      responses: { 200: listOf(Resource) },
    }),
    async (c) => {
      const query = readQuery(c, ListQuery);
      const { db, businessId, auth } = scope(c);
      return c.json(
        await listResources(db, businessId, {
          ...query,
          activeOnly: !isSecret(auth),
          only: resourceScope(auth),
        }),
      );
    },
  );
  app.get(
    '/resources/:id',
    route({
      summary: 'Get a resource',
      description: 'An inactive resource is a 404 for publishable keys.',
      tag: 'Resources',
      auth: 'any',
      responses: { 200: Resource },
    }),
    async (c) => {
      const { db, businessId, auth } = scope(c);
      const row = await getResourceRow(db, businessId, param(c, 'id'));
      if (!row.active && !isSecret(auth)) throw notFound('Resource');
      if (resourceScope(auth)?.includes(row.id) === false) throw notFound('Resource');
      return c.json(resourceToWire(row));
    },
  );
  app.post(
    '/resources',
    route({
      summary: 'Create a resource with weekly hours',
      description: 'Hours are wall-clock intervals in the business zone, several a day if needed.',
      tag: 'Resources',
      auth: 'secret',
      body: ResourceInput,
      responses: { 201: Resource },
    }),
    async (c) => {
      const input = await readJson(c, ResourceInput);
      const { database, businessId, now } = scope(c);
      return c.json(await database.write((tx) => createResource(tx, businessId, input, now)), 201);
    },
  );
  app.patch(
    '/resources/:id',
    route({
      summary: 'Update a resource',
      tag: 'Resources',
      auth: 'secret',
      body: ResourceUpdate,
      responses: { 200: Resource },
    }),
    async (c) => {
      const patch = await readJson(c, ResourceUpdate);
      const { database, businessId, now } = scope(c);
      return c.json(await database.write((tx) => updateResource(tx, businessId, param(c, 'id'), patch, now)));
    },
  );
  app.put(
    '/resources/:id/hours',
    route({
      summary: 'Replace weekly hours',
      tag: 'Resources',
      auth: 'secret',
      body: WeeklyHours,
      responses: { 200: Resource },
    }),
    async (c) => {
      const hours = await readJson(c, WeeklyHours);
      const { database, businessId, now } = scope(c);
      return c.json(
        await database.write((tx) => updateResource(tx, businessId, param(c, 'id'), { hours }, now)),
      );
    },
  );
  app.delete(
    '/resources/:id',
    route({
      summary: 'Delete a resource',
      tag: 'Resources',
      auth: 'secret',
      responses: {
        204: empty('Deleted'),
        409: problem({
          invalid_state:
            'The resource has upcoming bookings: deactivate it (`active: false`) or cancel them first.',
        }),
      },
    }),
    async (c) => {
      const { database, businessId, now } = scope(c);
      await database.write((tx) => deleteResource(tx, businessId, param(c, 'id'), now));
      return c.body(null, 204);
    },
  );
  return app;
}

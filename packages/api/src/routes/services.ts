/**
 * @module Services: `GET /services[/{id}]` for any key (publishable keys see active ones only),
 * `POST`, `PATCH`, `DELETE` for secret keys.
 */
import { ListQuery, listOf, Service, ServiceInput, ServiceUpdate } from '@frontdesk/core';
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { notFound } from '../errors.js';
import { isSecret } from '../middleware/auth.js';
import { readJson, readQuery } from '../middleware/validate.js';
import { empty, problem } from '../openapi/answers.js';
import { route } from '../openapi/route.js';
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
  app.get(
    '/services',
    route({
      summary: 'List services',
      description: 'Publishable keys see active services only.',
      tag: 'Services',
      auth: 'any',
      query: ListQuery,
      responses: { 200: listOf(Service) },
    }),
    async (c) => {
      const query = readQuery(c, ListQuery);
      const { db, businessId, auth } = scope(c);
      return c.json(await listServices(db, businessId, { ...query, activeOnly: !isSecret(auth) }));
    },
  );
  app.get(
    '/services/:id',
    route({
      summary: 'Get a service',
      description: 'An inactive service is a 404 for publishable keys.',
      tag: 'Services',
      auth: 'any',
      responses: { 200: Service },
    }),
    async (c) => {
      const { db, businessId, auth } = scope(c);
      const { wire } = await getService(db, businessId, param(c, 'id'));
      if (!wire.active && !isSecret(auth)) throw notFound('Service');
      return c.json(wire);
    },
  );
  app.post(
    '/services',
    route({
      summary: 'Create a service',
      description: 'Every id in `resourceIds` must be a resource of the business (else 422).',
      tag: 'Services',
      auth: 'secret',
      body: ServiceInput,
      responses: { 201: Service },
    }),
    async (c) => {
      const input = await readJson(c, ServiceInput);
      const { database, businessId, now } = scope(c);
      return c.json(await database.write((tx) => createService(tx, businessId, input, now)), 201);
    },
  );
  app.patch(
    '/services/:id',
    route({
      summary: 'Update a service',
      tag: 'Services',
      auth: 'secret',
      body: ServiceUpdate,
      responses: { 200: Service },
    }),
    async (c) => {
      const patch = await readJson(c, ServiceUpdate);
      const { database, businessId, now } = scope(c);
      return c.json(await database.write((tx) => updateService(tx, businessId, param(c, 'id'), patch, now)));
    },
  );
  app.delete(
    '/services/:id',
    route({
      summary: 'Delete a service',
      tag: 'Services',
      auth: 'secret',
      responses: {
        204: empty('Deleted'),
        409: problem({
          invalid_state:
            'The service has upcoming bookings: deactivate it (`active: false`) or cancel them first.',
        }),
      },
    }),
    async (c) => {
      const { database, businessId, now } = scope(c);
      await database.write((tx) => deleteService(tx, businessId, param(c, 'id'), now));
      return c.body(null, 204);
    },
  );
  return app;
}

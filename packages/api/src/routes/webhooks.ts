/**
 * @module Webhooks (secret key only): endpoints (`/webhook-endpoints` CRUD, rotate-secret, test,
 * replay, the delivery log) and `POST /webhook-deliveries/{id}/retry`. URLs pass the SSRF guard
 * here, before the write transaction; a refused one is a 422 on `url`.
 */
import {
  ListQuery,
  WebhookDeliveryListQuery,
  WebhookEndpointInput,
  WebhookEndpointUpdate,
  WebhookReplayInput,
} from '@frontdesk/core';
import { type Context, Hono } from 'hono';
import * as z from 'zod/mini';
import type { AppEnv } from '../env.js';
import { fieldError } from '../errors.js';
import { requireSecret } from '../middleware/auth.js';
import { readJson, readQuery } from '../middleware/validate.js';
import {
  listDeliveries,
  replayEvents,
  retryDelivery,
  sendTestEvent,
} from '../services/webhook-deliveries.js';
import {
  createEndpoint,
  deleteEndpoint,
  endpointToWire,
  getEndpointRow,
  listEndpoints,
  rotateSecret,
  updateEndpoint,
} from '../services/webhook-endpoints.js';
import { checkWebhookUrl } from '../webhooks/url-guard.js';
import { param, scope } from './kit.js';

/** Actions that take no body: an empty body or `{}`. */
const NoBody = z.strictObject({});

/** 422 on `url` unless the SSRF guard lets it through. */
async function guardUrl(c: Context<AppEnv>, url: string): Promise<void> {
  const verdict = await checkWebhookUrl(url, c.var.deps.webhookGuard);
  if (!verdict.ok) throw fieldError('url', verdict.reason, 'url_refused');
}

export function webhookRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  for (const path of ['/webhook-endpoints', '/webhook-endpoints/*', '/webhook-deliveries/*']) {
    app.use(path, requireSecret());
  }

  app.post('/webhook-endpoints', async (c) => {
    const input = await readJson(c, WebhookEndpointInput);
    await guardUrl(c, input.url);
    const { database, businessId, now } = scope(c);
    return c.json(await database.write((tx) => createEndpoint(tx, businessId, input, now)), 201);
  });

  app.get('/webhook-endpoints', async (c) => {
    const query = readQuery(c, ListQuery);
    const { db, businessId, now } = scope(c);
    return c.json(await listEndpoints(db, businessId, query, now));
  });

  app.get('/webhook-endpoints/:id', async (c) => {
    const { db, businessId, now } = scope(c);
    return c.json(endpointToWire(await getEndpointRow(db, businessId, param(c, 'id')), now));
  });

  app.patch('/webhook-endpoints/:id', async (c) => {
    const update = await readJson(c, WebhookEndpointUpdate);
    const { database, businessId, now } = scope(c);
    await getEndpointRow(database.db, businessId, param(c, 'id'));
    if (update.url !== undefined) await guardUrl(c, update.url);
    return c.json(await database.write((tx) => updateEndpoint(tx, businessId, param(c, 'id'), update, now)));
  });

  app.delete('/webhook-endpoints/:id', async (c) => {
    const { database, businessId } = scope(c);
    await database.write((tx) => deleteEndpoint(tx, businessId, param(c, 'id')));
    return c.body(null, 204);
  });

  app.post('/webhook-endpoints/:id/rotate-secret', async (c) => {
    await readJson(c, NoBody);
    const { database, businessId, now } = scope(c);
    return c.json(await database.write((tx) => rotateSecret(tx, businessId, param(c, 'id'), now)));
  });

  app.post('/webhook-endpoints/:id/test', async (c) => {
    await readJson(c, NoBody);
    const { database, businessId, now } = scope(c);
    return c.json(await database.write((tx) => sendTestEvent(tx, businessId, param(c, 'id'), now)), 202);
  });

  app.post('/webhook-endpoints/:id/replay', async (c) => {
    const { since } = await readJson(c, WebhookReplayInput);
    const { database, businessId, now } = scope(c);
    return c.json(
      await database.write((tx) => replayEvents(tx, businessId, param(c, 'id'), since, now)),
      202,
    );
  });

  app.get('/webhook-endpoints/:id/deliveries', async (c) => {
    const query = readQuery(c, WebhookDeliveryListQuery);
    const { db, businessId } = scope(c);
    return c.json(await listDeliveries(db, businessId, param(c, 'id'), query));
  });

  app.post('/webhook-deliveries/:id/retry', async (c) => {
    await readJson(c, NoBody);
    const { database, businessId, now } = scope(c);
    return c.json(await database.write((tx) => retryDelivery(tx, businessId, param(c, 'id'), now)), 202);
  });

  return app;
}

/**
 * @module Webhooks (secret key only): endpoints (`/webhook-endpoints` CRUD, rotate-secret, test,
 * replay, the delivery log) and `POST /webhook-deliveries/{id}/retry`. URLs pass the SSRF guard
 * here, before the write transaction; a refused one is a 422 on `url`.
 */
import {
  ListQuery,
  listOf,
  WebhookDelivery,
  WebhookDeliveryListQuery,
  WebhookEndpoint,
  WebhookEndpointInput,
  WebhookEndpointUpdate,
  WebhookEndpointWithSecret,
  WebhookReplayInput,
  WebhookReplayResult,
} from '@frontdesk/core';
import { type Context, Hono } from 'hono';
import * as z from 'zod/mini';
import type { AppEnv } from '../env.js';
import { fieldError } from '../errors.js';
import { readJson, readQuery } from '../middleware/validate.js';
import { empty, json, problem } from '../openapi/answers.js';
import { route } from '../openapi/route.js';
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
  MAX_ENDPOINTS,
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

const disabled = {
  invalid_state:
    'The endpoint is disabled (switched off, or after `410 Gone` or 5 days of failures); enable it with `PATCH {"active": true}` first.',
};
const refusedUrl =
  'A `url` that is not `https:`, or whose host resolves to a loopback, private, link-local, ' +
  'unspecified or multicast address, is `422 validation_failed` on `url` (unless the operator set ' +
  '`FRONTDESK_WEBHOOK_ALLOW_PRIVATE=1`).';

export function webhookRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post(
    '/webhook-endpoints',
    route({
      summary: 'Create a webhook endpoint',
      description: `The answer is the only time \`secret\` is shown (until a rotation). No \`events\`: every type. ${refusedUrl}`,
      tag: 'Webhooks',
      auth: 'secret',
      body: WebhookEndpointInput,
      responses: {
        201: WebhookEndpointWithSecret,
        409: problem({ invalid_state: `The business has ${MAX_ENDPOINTS} endpoints already.` }),
      },
    }),
    async (c) => {
      const input = await readJson(c, WebhookEndpointInput);
      await guardUrl(c, input.url);
      const { database, businessId, now } = scope(c);
      return c.json(await database.write((tx) => createEndpoint(tx, businessId, input, now)), 201);
    },
  );

  app.get(
    '/webhook-endpoints',
    route({
      summary: 'List webhook endpoints',
      description: 'Secrets are never shown here.',
      tag: 'Webhooks',
      auth: 'secret',
      query: ListQuery,
      responses: { 200: listOf(WebhookEndpoint) },
    }),
    async (c) => {
      const query = readQuery(c, ListQuery);
      const { db, businessId, now } = scope(c);
      return c.json(await listEndpoints(db, businessId, query, now));
    },
  );

  app.get(
    '/webhook-endpoints/:id',
    route({
      summary: 'Get a webhook endpoint',
      tag: 'Webhooks',
      auth: 'secret',
      responses: { 200: WebhookEndpoint },
    }),
    async (c) => {
      const { db, businessId, now } = scope(c);
      return c.json(endpointToWire(await getEndpointRow(db, businessId, param(c, 'id')), now));
    },
  );

  app.patch(
    '/webhook-endpoints/:id',
    route({
      summary: 'Change a webhook endpoint',
      description:
        'Change `url`, `events`, `description` or `active`. Switching it off fails its pending ' +
        'deliveries; switching it on sends the events written from then on (replay the gap if ' +
        `wanted). ${refusedUrl}`,
      tag: 'Webhooks',
      auth: 'secret',
      body: WebhookEndpointUpdate,
      responses: { 200: WebhookEndpoint },
    }),
    async (c) => {
      const update = await readJson(c, WebhookEndpointUpdate);
      const { database, businessId, now } = scope(c);
      await getEndpointRow(database.db, businessId, param(c, 'id'));
      if (update.url !== undefined) await guardUrl(c, update.url);
      return c.json(
        await database.write((tx) => updateEndpoint(tx, businessId, param(c, 'id'), update, now)),
      );
    },
  );

  app.delete(
    '/webhook-endpoints/:id',
    route({
      summary: 'Delete a webhook endpoint',
      description: 'Its delivery log goes with it.',
      tag: 'Webhooks',
      auth: 'secret',
      responses: { 204: empty('Deleted') },
    }),
    async (c) => {
      const { database, businessId } = scope(c);
      await database.write((tx) => deleteEndpoint(tx, businessId, param(c, 'id')));
      return c.body(null, 204);
    },
  );

  app.post(
    '/webhook-endpoints/:id/rotate-secret',
    route({
      summary: 'Rotate the signing secret',
      description:
        'The answer shows the new `secret`. For 24 hours the previous secret signs too (a second ' +
        '`v1,` signature in `webhook-signature`), so receivers can switch without missing a message.',
      tag: 'Webhooks',
      auth: 'secret',
      body: NoBody,
      responses: { 200: WebhookEndpointWithSecret },
    }),
    async (c) => {
      await readJson(c, NoBody);
      const { database, businessId, now } = scope(c);
      return c.json(await database.write((tx) => rotateSecret(tx, businessId, param(c, 'id'), now)));
    },
  );

  app.post(
    '/webhook-endpoints/:id/test',
    route({
      summary: 'Send a test event',
      description: 'Queues a `webhook.test` event to this endpoint, due now.',
      tag: 'Webhooks',
      auth: 'secret',
      body: NoBody,
      responses: { 202: json(WebhookDelivery, 'Queued: the delivery, pending'), 409: problem(disabled) },
    }),
    async (c) => {
      await readJson(c, NoBody);
      const { database, businessId, now } = scope(c);
      return c.json(await database.write((tx) => sendTestEvent(tx, businessId, param(c, 'id'), now)), 202);
    },
  );

  app.post(
    '/webhook-endpoints/:id/replay',
    route({
      summary: 'Replay past events',
      description:
        'Queues again every event the endpoint subscribes to since an instant or an event id ' +
        '(`evt_…`, inclusive), each with its original `webhook-id` — recovery after an outage. At ' +
        'most 10 000 a call: `nextSince` says where to go on.',
      tag: 'Webhooks',
      auth: 'secret',
      body: WebhookReplayInput,
      responses: { 202: json(WebhookReplayResult, 'Queued'), 409: problem(disabled) },
    }),
    async (c) => {
      const { since } = await readJson(c, WebhookReplayInput);
      const { database, businessId, now } = scope(c);
      return c.json(
        await database.write((tx) => replayEvents(tx, businessId, param(c, 'id'), since, now)),
        202,
      );
    },
  );

  app.get(
    '/webhook-endpoints/:id/deliveries',
    route({
      summary: 'List the deliveries of an endpoint',
      description:
        'Oldest first, each with its event id (`webhook-id`), type, every attempt (time, HTTP status ' +
        'or error, duration, the first 4 KB of the answer) and the next attempt time.',
      tag: 'Webhooks',
      auth: 'secret',
      query: WebhookDeliveryListQuery,
      responses: { 200: listOf(WebhookDelivery) },
    }),
    async (c) => {
      const query = readQuery(c, WebhookDeliveryListQuery);
      const { db, businessId } = scope(c);
      return c.json(await listDeliveries(db, businessId, param(c, 'id'), query));
    },
  );

  app.post(
    '/webhook-deliveries/:id/retry',
    route({
      summary: 'Retry a delivery now',
      description: 'One more attempt, due now — also for a `failed` delivery (a manual replay of its event).',
      tag: 'Webhooks',
      auth: 'secret',
      body: NoBody,
      responses: { 202: json(WebhookDelivery, 'Queued: the delivery, pending'), 409: problem(disabled) },
    }),
    async (c) => {
      await readJson(c, NoBody);
      const { database, businessId, now } = scope(c);
      return c.json(await database.write((tx) => retryDelivery(tx, businessId, param(c, 'id'), now)), 202);
    },
  );

  return app;
}

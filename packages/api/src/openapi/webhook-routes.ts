/**
 * @module The documented webhook routes (endpoints, their delivery log, retry, replay, test).
 * Kept beside `booking-routes.ts` and `stock-routes.ts`; a test checks every route.
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
import type * as z from 'zod/mini';
import type { RouteDoc } from './route-doc.js';

const ok = (schema: z.ZodMiniType, status = 200, description?: string) => ({
  status,
  schema,
  ...(description ? { description } : {}),
});
const tag = 'Webhooks';

export const webhookRouteDocs: RouteDoc[] = [
  {
    method: 'post',
    path: '/v1/webhook-endpoints',
    summary: 'Create a webhook endpoint (its secret is shown in this answer only)',
    tag,
    auth: 'secret',
    body: WebhookEndpointInput,
    response: ok(WebhookEndpointWithSecret, 201),
  },
  {
    method: 'get',
    path: '/v1/webhook-endpoints',
    summary: 'List webhook endpoints',
    tag,
    auth: 'secret',
    query: ListQuery,
    response: ok(listOf(WebhookEndpoint)),
  },
  {
    method: 'get',
    path: '/v1/webhook-endpoints/{id}',
    summary: 'Get a webhook endpoint',
    tag,
    auth: 'secret',
    response: ok(WebhookEndpoint),
  },
  {
    method: 'patch',
    path: '/v1/webhook-endpoints/{id}',
    summary: 'Change a webhook endpoint (url, events, description, active)',
    tag,
    auth: 'secret',
    body: WebhookEndpointUpdate,
    response: ok(WebhookEndpoint),
  },
  {
    method: 'delete',
    path: '/v1/webhook-endpoints/{id}',
    summary: 'Delete a webhook endpoint and its delivery log',
    tag,
    auth: 'secret',
    response: { status: 204 },
  },
  {
    method: 'post',
    path: '/v1/webhook-endpoints/{id}/rotate-secret',
    summary: 'Rotate the signing secret (the previous one keeps signing for 24 h)',
    tag,
    auth: 'secret',
    response: ok(WebhookEndpointWithSecret),
  },
  {
    method: 'post',
    path: '/v1/webhook-endpoints/{id}/test',
    summary: 'Send a webhook.test event to this endpoint now',
    tag,
    auth: 'secret',
    response: ok(WebhookDelivery, 202, 'Queued; the delivery, pending'),
  },
  {
    method: 'post',
    path: '/v1/webhook-endpoints/{id}/replay',
    summary: 'Queue every matching event since an instant or event id again (original webhook-ids)',
    tag,
    auth: 'secret',
    body: WebhookReplayInput,
    response: ok(WebhookReplayResult, 202, 'Queued'),
  },
  {
    method: 'get',
    path: '/v1/webhook-endpoints/{id}/deliveries',
    summary: 'The delivery log of an endpoint, with every attempt',
    tag,
    auth: 'secret',
    query: WebhookDeliveryListQuery,
    response: ok(listOf(WebhookDelivery)),
  },
  {
    method: 'post',
    path: '/v1/webhook-deliveries/{id}/retry',
    summary: 'One more attempt now (also for a failed delivery)',
    tag,
    auth: 'secret',
    response: ok(WebhookDelivery, 202, 'Queued; the delivery, pending'),
  },
];

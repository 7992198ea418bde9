/**
 * @module `webhookEndpoints` of `createWebhookClient`: where the business's events are sent (secret key).
 */
import { type RequestOptions, segment, type Transport } from '../http/transport.js';
import type {
  ListQuery,
  WebhookDelivery,
  WebhookDeliveryListQuery,
  WebhookEndpoint,
  WebhookEndpointInput,
  WebhookEndpointUpdate,
  WebhookEndpointWithSecret,
  WebhookReplayInput,
  WebhookReplayResult,
} from '../types.js';

const path = (id: string, rest = '') => `webhook-endpoints/${segment(id)}${rest}`;

/**
 * The webhook endpoints resource.
 *
 * @example
 * ```ts
 * const { id, secret } = await hooks.webhookEndpoints.create({ url: 'https://crm.example/hooks' });
 * ```
 */
export const webhookEndpoints = (t: Transport) => ({
  /**
   * Lists endpoints (a page, iterable over all pages).
   *
   * @example
   * ```ts
   * for await (const endpoint of hooks.webhookEndpoints.list()) console.log(endpoint.url, endpoint.active);
   * ```
   */
  list: (query?: ListQuery, options?: RequestOptions) =>
    t.list<WebhookEndpoint>('webhook-endpoints', query, options),

  /**
   * Reads one endpoint.
   *
   * @example
   * ```ts
   * const { active, disabledReason } = await hooks.webhookEndpoints.get(id);
   * ```
   */
  get: (id: string, options?: RequestOptions) =>
    t.request<WebhookEndpoint>({ method: 'GET', path: path(id), signal: options?.signal }),

  /**
   * Creates an endpoint. The answer's `secret` (`whsec_…`) is shown this once: keep it to verify.
   *
   * @example
   * ```ts
   * const { secret } = await hooks.webhookEndpoints.create({ url: 'https://crm.example/hooks', events: ['booking.*'] });
   * ```
   */
  create: (input: WebhookEndpointInput, options?: RequestOptions) =>
    t.request<WebhookEndpointWithSecret>({
      method: 'POST',
      path: 'webhook-endpoints',
      body: input,
      signal: options?.signal,
    }),

  /**
   * Changes the URL, event types, description, or switches it off and on.
   *
   * @example
   * ```ts
   * await hooks.webhookEndpoints.update(id, { active: true });
   * ```
   */
  update: (id: string, input: WebhookEndpointUpdate, options?: RequestOptions) =>
    t.request<WebhookEndpoint>({ method: 'PATCH', path: path(id), body: input, signal: options?.signal }),

  /**
   * Deletes an endpoint and its delivery log.
   *
   * @example
   * ```ts
   * await hooks.webhookEndpoints.delete(id);
   * ```
   */
  delete: (id: string, options?: RequestOptions) =>
    t.request<void>({ method: 'DELETE', path: path(id), read: 'none', signal: options?.signal }),

  /**
   * A new secret; the previous one keeps signing for 24 h, so receivers can switch without a gap.
   *
   * @example
   * ```ts
   * const { secret } = await hooks.webhookEndpoints.rotateSecret(id);
   * ```
   */
  rotateSecret: (id: string, options?: RequestOptions) =>
    t.request<WebhookEndpointWithSecret>({
      method: 'POST',
      path: path(id, '/rotate-secret'),
      signal: options?.signal,
    }),

  /**
   * Sends a `webhook.test` event to this endpoint now; answers its (pending) delivery.
   *
   * @example
   * ```ts
   * const delivery = await hooks.webhookEndpoints.test(id);
   * ```
   */
  test: (id: string, options?: RequestOptions) =>
    t.request<WebhookDelivery>({ method: 'POST', path: path(id, '/test'), signal: options?.signal }),

  /**
   * Queues every matching event since an instant or event id again, each with its original
   * `webhook-id` (dedupe on it): recovery after your receiver was down.
   *
   * @example
   * ```ts
   * const { queued } = await hooks.webhookEndpoints.replay(id, { since: '2026-03-02T08:00:00Z' });
   * ```
   */
  replay: (id: string, input: WebhookReplayInput, options?: RequestOptions) =>
    t.request<WebhookReplayResult>({
      method: 'POST',
      path: path(id, '/replay'),
      body: input,
      signal: options?.signal,
    }),

  /**
   * The delivery log: each delivery with its attempts (a page, iterable over all pages).
   *
   * @example
   * ```ts
   * for await (const d of hooks.webhookEndpoints.deliveries(id, { status: 'failed' })) console.log(d.eventId);
   * ```
   */
  deliveries: (id: string, query?: WebhookDeliveryListQuery, options?: RequestOptions) =>
    t.list<WebhookDelivery>(path(id, '/deliveries'), query, options),
});

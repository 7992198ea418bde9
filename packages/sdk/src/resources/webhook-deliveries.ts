/**
 * @module `webhookDeliveries` of `createWebhookClient`: one more attempt at a delivery (secret key).
 */
import { type RequestOptions, segment, type Transport } from '../http/transport.js';
import type { WebhookDelivery } from '../types.js';

/**
 * The webhook deliveries resource.
 *
 * @example
 * ```ts
 * await hooks.webhookDeliveries.retry(delivery.id);
 * ```
 */
export const webhookDeliveries = (t: Transport) => ({
  /**
   * Makes one more attempt now — also for a `failed` delivery (a manual replay of that event).
   *
   * @example
   * ```ts
   * const { status } = await hooks.webhookDeliveries.retry(delivery.id); // 'pending'
   * ```
   */
  retry: (id: string, options?: RequestOptions) =>
    t.request<WebhookDelivery>({
      method: 'POST',
      path: `webhook-deliveries/${segment(id)}/retry`,
      signal: options?.signal,
    }),
});

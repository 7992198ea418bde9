/**
 * @module `createWebhookClient`: the business's webhook endpoints and their deliveries (secret key,
 * server side, or an owner's console session). A subpath rather than the root client: no page a
 * customer opens needs it, and the root entry has a size budget (`test/size.test.ts`); the console
 * loads it with its webhook screens only, not with its first screen.
 */
import type { ClientOptions } from '../client.js';
import { consoleTransport } from '../http/console-transport.js';
import { Transport } from '../http/transport.js';
import { webhookDeliveries } from './webhook-deliveries.js';
import { webhookEndpoints } from './webhook-endpoints.js';

/**
 * Creates a client for webhook endpoints and deliveries. Every method returns a promise of the
 * API's answer and throws an SDK error (see `isFrontdeskError`) on failure.
 *
 * @example
 * ```ts
 * import { createWebhookClient } from '@frontdesk/sdk/webhooks';
 *
 * const hooks = createWebhookClient({ baseUrl: 'https://book.example.com', key: process.env.FRONTDESK_SECRET_KEY! });
 * const { id, secret } = await hooks.webhookEndpoints.create({ url: 'https://crm.example/hooks', events: ['booking.*'] });
 * for await (const delivery of hooks.webhookEndpoints.deliveries(id, { status: 'failed' })) {
 *   await hooks.webhookDeliveries.retry(delivery.id);
 * }
 * ```
 */
export function createWebhookClient(options: ClientOptions) {
  const transport = new Transport(options);
  return {
    webhookEndpoints: webhookEndpoints(transport),
    webhookDeliveries: webhookDeliveries(transport),
  };
}

/**
 * The client made by {@link createWebhookClient}.
 *
 * @example
 * ```ts
 * function failedDeliveries(hooks: WebhookClient, endpointId: string) {
 *   return hooks.webhookEndpoints.deliveries(endpointId, { status: 'failed' });
 * }
 * ```
 */
export type WebhookClient = ReturnType<typeof createWebhookClient>;

/**
 * The same client for the owner console: authenticated by the browser's session cookie (with the
 * CSRF header), like `createConsoleClient`, so the page never holds a secret key.
 *
 * @example
 * ```ts
 * import { createConsoleWebhookClient } from '@frontdesk/sdk/webhooks';
 *
 * const hooks = createConsoleWebhookClient({ baseUrl: location.origin });
 * const { data } = await hooks.webhookEndpoints.list();
 * ```
 */
export function createConsoleWebhookClient(options: Omit<ClientOptions, 'key'>): WebhookClient {
  const transport = consoleTransport(options);
  return {
    webhookEndpoints: webhookEndpoints(transport),
    webhookDeliveries: webhookDeliveries(transport),
  };
}

/**
 * @module The webhook screens' client: webhook endpoints and deliveries with the console's session
 * cookie (`createConsoleWebhookClient`). Apart from `desk` so that only these screens' chunk
 * carries it; the first screen's JavaScript does not grow (`test/size.test.ts`).
 */
import { createConsoleWebhookClient, type WebhookClient } from '@frontdesk/sdk/webhooks';

export const hooks: WebhookClient = createConsoleWebhookClient({
  baseUrl: window.location.origin,
  retry: { limit: 1 },
});

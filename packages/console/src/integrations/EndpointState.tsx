/**
 * @module A webhook endpoint's state in words — on, switched off, or disabled by Frontdesk and why
 * (it answered `410 Gone`, or failed for 5 days) — and the console path of its screen.
 */
import type { WebhookEndpoint } from '@frontdesk/sdk/console';
import { t } from '../i18n/index.js';

export const endpointPath = (id: string) => `/integrations/webhooks/${encodeURIComponent(id)}`;

export function EndpointState({ endpoint }: { endpoint: WebhookEndpoint }) {
  if (endpoint.active) return <>{t.webhooks.on}</>;
  const why = endpoint.disabledReason ? t.webhooks.disabledReasons[endpoint.disabledReason] : t.webhooks.off;
  return <span class="pill pill--stock-low">{why}</span>;
}

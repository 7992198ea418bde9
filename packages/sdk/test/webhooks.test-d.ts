/**
 * @module Type tests of `verifyWebhook`: the event is a union discriminated by `type`, each with its
 * own `data` (internal notes never among a booking's fields), and the webhook client's methods take
 * the contract's shapes; the root client has none of them (they live on the subpath).
 */
import { describe, expectTypeOf, it } from 'vitest';
import { createClient, type WebhookEndpointWithSecret } from '../src/index.js';
import {
  createWebhookClient,
  verifyWebhook,
  type WebhookEvent,
  type WebhookEventType,
} from '../src/webhooks.js';

describe('verifyWebhook', () => {
  it('narrows data by type', async () => {
    const event = await verifyWebhook('{}', new Headers(), 'whsec_x');
    expectTypeOf(event).toEqualTypeOf<WebhookEvent>();
    if (event.type === 'booking.cancelled') {
      expectTypeOf(event.data.customer.email).toBeString();
      expectTypeOf(event.data.by).toEqualTypeOf<'business' | 'customer'>();
    }
    if (event.type === 'booking.notes_changed') {
      // @ts-expect-error the business's internal notes are never in a webhook body
      void event.data.internalNotes;
      expectTypeOf(event.data.arrivedAt).toEqualTypeOf<string | null | undefined>();
    }
    if (event.type === 'user.created') expectTypeOf(event.data.role).toEqualTypeOf<'owner' | 'staff'>();
    if (event.type === 'stock.low') expectTypeOf(event.data.stock.available).toBeNumber();
    if (event.type === 'webhook_endpoint.disabled')
      expectTypeOf(event.data.reason).toEqualTypeOf<'gone' | 'failing'>();
    // hold.* events are never sent.
    expectTypeOf<'hold.created'>().not.toMatchTypeOf<WebhookEventType>();
  });
});

describe('webhook client methods', () => {
  const client = createWebhookClient({ baseUrl: 'https://api.example.com', key: 'fd_sk_x' });
  it('take and answer the contract shapes', () => {
    expectTypeOf(
      client.webhookEndpoints.create({ url: 'https://crm.example/h' }),
    ).resolves.toEqualTypeOf<WebhookEndpointWithSecret>();
    // @ts-expect-error url is required
    client.webhookEndpoints.create({ events: ['*'] });
    // @ts-expect-error status is one of pending, succeeded, failed
    client.webhookEndpoints.deliveries('whe_1', { status: 'lost' });
    expectTypeOf(client.webhookDeliveries.retry).parameter(0).toBeString();
  });
});

describe('the root client', () => {
  it('has no webhook methods (kept off the browser path)', () => {
    const client = createClient({ baseUrl: 'https://api.example.com', key: 'fd_pk_x' });
    expectTypeOf(client).not.toHaveProperty('webhookEndpoints');
    expectTypeOf(client).not.toHaveProperty('webhookDeliveries');
  });
});

/**
 * @module Type tests of `verifyWebhook`: the event is a union discriminated by `type`, each with its
 * own `data`, and the client's webhook methods take the contract's shapes.
 */
import { describe, expectTypeOf, it } from 'vitest';
import { createClient, type WebhookEndpointWithSecret } from '../src/index.js';
import { verifyWebhook, type WebhookEvent, type WebhookEventType } from '../src/webhooks.js';

describe('verifyWebhook', () => {
  it('narrows data by type', async () => {
    const event = await verifyWebhook('{}', new Headers(), 'whsec_x');
    expectTypeOf(event).toEqualTypeOf<WebhookEvent>();
    if (event.type === 'booking.cancelled') {
      expectTypeOf(event.data.customer.email).toBeString();
      expectTypeOf(event.data.by).toEqualTypeOf<'business' | 'customer'>();
    }
    if (event.type === 'stock.low') expectTypeOf(event.data.stock.available).toBeNumber();
    if (event.type === 'webhook_endpoint.disabled')
      expectTypeOf(event.data.reason).toEqualTypeOf<'gone' | 'failing'>();
    // hold.* events are never sent.
    expectTypeOf<'hold.created'>().not.toMatchTypeOf<WebhookEventType>();
  });
});

describe('client webhook methods', () => {
  const client = createClient({ baseUrl: 'https://api.example.com', key: 'fd_sk_x' });
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

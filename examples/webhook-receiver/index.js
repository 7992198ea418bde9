#!/usr/bin/env node
// @ts-check
/**
 * @module Receives Frontdesk webhooks on `POST /webhooks` and logs each event as a JSON line.
 *
 *   FRONTDESK_WEBHOOK_SECRET=whsec_… PORT=3000 node index.js
 *
 * During a secret rotation, give both secrets, space-separated: FRONTDESK_WEBHOOK_SECRET="whsec_new whsec_old".
 */
import { serve } from '@hono/node-server';
import { createReceiver } from './receiver.js';

const secrets = (process.env.FRONTDESK_WEBHOOK_SECRET ?? '').split(/\s+/).filter(Boolean);
if (secrets.length === 0) {
  console.error('Set FRONTDESK_WEBHOOK_SECRET to the endpoint secret (whsec_…) shown when you created it.');
  process.exit(2);
}

const app = createReceiver({
  secrets,
  onEvent(event, id) {
    // Your integration goes here: update the CRM, tell the POS, start an automation…
    const subject = 'id' in event.data ? event.data.id : 'sku' in event.data ? event.data.sku : undefined;
    console.log(JSON.stringify({ received: id, type: event.type, subject, at: event.timestamp }));
  },
});

const server = serve(
  { fetch: app.fetch, port: Number(process.env.PORT ?? 3000), hostname: process.env.HOST ?? '127.0.0.1' },
  (info) => console.log(JSON.stringify({ listening: `http://${info.address}:${info.port}/webhooks` })),
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.on('SIGINT', () => server.close(() => process.exit(0)));

// @ts-check
/**
 * @module The receiving app: `POST /webhooks` verifies each request with `@frontdesk/sdk/webhooks`,
 * answers 400 to anything not signed by Frontdesk, skips a `webhook-id` it has seen (a retry or a
 * replay of an event already handled) and hands every new event to `onEvent`.
 */
import { isWebhookVerificationError, verifyWebhook } from '@frontdesk/sdk/webhooks';
import { Hono } from 'hono';

/**
 * @param {{
 *   secrets: string[],
 *   onEvent: (event: import('@frontdesk/sdk/webhooks').WebhookEvent, id: string) => void | Promise<void>,
 *   log?: (line: Record<string, unknown>) => void,
 * }} options
 */
export function createReceiver({ secrets, onEvent, log = (line) => console.log(JSON.stringify(line)) }) {
  // In memory for the example; a real receiver keeps handled ids in its database (a unique key),
  // for at least as long as Frontdesk retries (3 days) — or for good, if it replays old events.
  const handled = new Set();
  const app = new Hono();

  app.post('/webhooks', async (c) => {
    // The raw text, exactly as sent: the signature covers these bytes, not a re-serialized object.
    const body = await c.req.text();
    let event;
    try {
      event = await verifyWebhook(body, c.req.raw.headers, secrets);
    } catch (error) {
      if (!isWebhookVerificationError(error)) throw error;
      log({ refused: error.message });
      return c.text('Invalid signature', 400);
    }
    const id = c.req.header('webhook-id') ?? '';
    if (handled.has(id)) {
      log({ duplicate: id, type: event.type });
      return c.body(null, 204);
    }
    await onEvent(event, id);
    // Marked only after handling succeeded: if it throws, Frontdesk gets a 500 and tries again.
    handled.add(id);
    return c.body(null, 204);
  });

  return app;
}

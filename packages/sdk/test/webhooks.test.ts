/**
 * @module `@frontdesk/sdk/webhooks`: `verifyWebhook` accepts what the reference library
 * (`standardwebhooks`) signs and refuses tampered, stale, unsigned or wrongly signed requests; it
 * bundles for browsers and workers without Node built-ins. And the client's webhook methods against
 * the real API.
 */
import { gzipSync } from 'node:zlib';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../src/index.js';
import {
  createWebhookClient,
  isWebhookVerificationError,
  verifyWebhook,
  WebhookVerificationError,
} from '../src/webhooks.js';
import { bundleBrowserPath } from './bundle.js';
import { type Bench, baseUrl, fastRetry, startBench, stopBench } from './harness.js';

const secret = `whsec_${Buffer.from('0123456789abcdef0123456789abcdef').toString('base64')}`;
const now = Date.parse('2026-03-02T08:00:00Z');
const body = JSON.stringify({
  type: 'booking.created',
  timestamp: '2026-03-02T08:00:00Z',
  data: { id: 'bkg_1', customer: { name: 'Ana', email: 'ana@example.com' } },
});

/** Headers as the reference library signs them, at `at`. */
function signed(at = now, withSecret = secret, payload = body, id = 'evt_42') {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at / 1000)),
    'webhook-signature': new Webhook(withSecret).sign(id, new Date(at), payload),
  };
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WebhookVerificationError);
  expect(isWebhookVerificationError(error)).toBe(true);
  return (error as Error).message;
}

describe('verifyWebhook', () => {
  it('returns the typed event of a message signed by the reference library (Headers or a plain record)', async () => {
    const event = await verifyWebhook(body, new Headers(signed()), secret, { now });
    expect(event.type).toBe('booking.created');
    if (event.type === 'booking.created') expect(event.data.customer.email).toBe('ana@example.com');
    const upper = Object.fromEntries(Object.entries(signed()).map(([k, v]) => [k.toUpperCase(), v]));
    await expect(verifyWebhook(body, upper, secret, { now: now + 299_000 })).resolves.toMatchObject({
      type: 'booking.created',
    });
  });

  it('accepts any of several signatures and secrets (a rotation)', async () => {
    const old = `whsec_${Buffer.from('another secret of 32 bytes!!!!!!').toString('base64')}`;
    const headers = signed();
    const both = {
      ...headers,
      'webhook-signature': `${signed(now, old)['webhook-signature']} ${headers['webhook-signature']}`,
    };
    await expect(verifyWebhook(body, both, old, { now })).resolves.toBeDefined();
    await expect(verifyWebhook(body, both, secret, { now })).resolves.toBeDefined();
    await expect(verifyWebhook(body, signed(now, old), [secret, old], { now })).resolves.toBeDefined();
  });

  it('refuses a changed body, another secret, a stale or future timestamp, and missing headers', async () => {
    const other = `whsec_${Buffer.from('not the secret, not the secret!!').toString('base64')}`;
    expect(await refusal(verifyWebhook(body.replace('Ana', 'Eve'), signed(), secret, { now }))).toMatch(
      /signature/,
    );
    expect(await refusal(verifyWebhook(body, signed(), other, { now }))).toMatch(/signature/);
    expect(await refusal(verifyWebhook(body, signed(now - 301_000), secret, { now }))).toMatch(/too old/);
    expect(await refusal(verifyWebhook(body, signed(now + 301_000), secret, { now }))).toMatch(/future/);
    const { 'webhook-signature': _s, ...unsigned } = signed();
    expect(await refusal(verifyWebhook(body, unsigned, secret, { now }))).toMatch(/Missing/);
    const v2 = { ...signed(), 'webhook-signature': signed()['webhook-signature'].replace('v1,', 'v2,') };
    expect(await refusal(verifyWebhook(body, v2, secret, { now }))).toMatch(/signature/);
    // A signature for another message id does not carry over.
    const replayedAs = { ...signed(), 'webhook-id': 'evt_43' };
    expect(await refusal(verifyWebhook(body, replayedAs, secret, { now }))).toMatch(/signature/);
  });

  it('uses the real clock by default: a message signed now verifies', async () => {
    await expect(verifyWebhook(body, signed(Date.now()), secret)).resolves.toBeDefined();
  });

  it('bundles for browsers and workers from WebCrypto alone (no Node built-ins), small', async () => {
    // What a receiver that imports only `verifyWebhook` bundles (the endpoint client tree-shakes away).
    const { code, inputs } = await bundleBrowserPath('webhook-verification.ts');
    expect(inputs.filter((file) => file.startsWith('node:') || file.includes('zod'))).toEqual([]);
    expect(gzipSync(code, { level: 9 }).length).toBeLessThan(1500);
  });
});

describe('createWebhookClient: webhookEndpoints and webhookDeliveries', () => {
  let bench: Bench;
  let hooks: ReturnType<typeof createWebhookClient>;
  beforeAll(async () => {
    bench = await startBench({ webhooks: { allowPrivate: true } });
    hooks = createWebhookClient({ baseUrl, key: bench.secretKey, retry: fastRetry });
  });
  afterAll(() => stopBench(bench));

  it('create (secret once), list, get, update, test, deliveries, retry, rotate, replay, delete', async () => {
    const created = await hooks.webhookEndpoints.create({
      url: 'http://127.0.0.1:9/hooks',
      events: ['booking.*'],
    });
    expect(created.secret).toMatch(/^whsec_/);
    const got = await hooks.webhookEndpoints.get(created.id);
    expect(got).not.toHaveProperty('secret');
    expect((await hooks.webhookEndpoints.list()).data.map((e) => e.id)).toEqual([created.id]);
    expect(await hooks.webhookEndpoints.update(created.id, { description: 'CRM' })).toMatchObject({
      description: 'CRM',
    });
    const delivery = await hooks.webhookEndpoints.test(created.id);
    expect(delivery).toMatchObject({ status: 'pending', eventId: expect.stringMatching(/^evt_/) });
    const log = [];
    for await (const d of hooks.webhookEndpoints.deliveries(created.id, { status: 'pending' }))
      log.push(d.id);
    expect(log).toEqual([delivery.id]);
    expect(await hooks.webhookDeliveries.retry(delivery.id)).toMatchObject({
      id: delivery.id,
      status: 'pending',
    });
    const rotated = await hooks.webhookEndpoints.rotateSecret(created.id);
    expect(rotated.secret).not.toBe(created.secret);
    expect(rotated.previousSecretExpiresAt).not.toBeNull();
    expect(await hooks.webhookEndpoints.replay(created.id, { since: '2026-03-01T00:00:00Z' })).toEqual({
      queued: 0,
      nextSince: null,
    });
    await expect(hooks.webhookEndpoints.create({ url: 'not a url' })).rejects.toBeInstanceOf(ValidationError);
    await hooks.webhookEndpoints.delete(created.id);
    await expect(hooks.webhookEndpoints.get(created.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

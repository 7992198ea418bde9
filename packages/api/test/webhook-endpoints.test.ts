/**
 * @module Webhook endpoints as the business uses them: create/read/change/delete, the SSRF guard (at
 * creation and again at delivery), rotation with two signatures, the test event, replay after an
 * outage, manual retry of a failed delivery — and no secret in any log line or later answer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { call } from './fixtures.js';
import {
  createWebhookTest,
  fakeResolver,
  type Receiver,
  startReceiver,
  verifyAt,
  type WebhookTest,
} from './webhook-helpers.js';

let t: WebhookTest;
const receivers: Receiver[] = [];
afterEach(async () => {
  await t?.close();
  for (const r of receivers.splice(0)) await r.close();
});

async function receiver(...args: Parameters<typeof startReceiver>) {
  const r = await startReceiver(...args);
  receivers.push(r);
  return r;
}

async function product(sku: string) {
  const res = await call(t, 'POST', '/v1/products', { body: { sku, name: `Product ${sku}` } });
  expect(res.status).toBe(201);
}

interface Delivery {
  id: string;
  eventId: string;
  status: string;
  attempts: { status: number | null; error: string | null }[];
}

const deliveriesOf = async (id: string, query = '') =>
  (await call<{ data: Delivery[] }>(t, 'GET', `/v1/webhook-endpoints/${id}/deliveries${query}`)).body.data;

describe('endpoints', () => {
  it('create, list, read, change, delete; the secret only in the create answer; 404s and 422s', async () => {
    t = await createWebhookTest();
    const r = await receiver();
    const created = await call<Record<string, unknown>>(t, 'POST', '/v1/webhook-endpoints', {
      body: { url: r.url, events: ['booking.*', 'stock.low'], description: 'CRM' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      url: r.url,
      events: ['booking.*', 'stock.low'],
      description: 'CRM',
      active: true,
      disabledReason: null,
    });
    const id = created.body.id as string;
    const read = await call<Record<string, unknown>>(t, 'GET', `/v1/webhook-endpoints/${id}`);
    expect(read.body).not.toHaveProperty('secret');
    const list = await call<{ data: { id: string }[] }>(t, 'GET', '/v1/webhook-endpoints');
    expect(list.body.data.map((e) => e.id)).toEqual([id]);
    const patched = await call(t, 'PATCH', `/v1/webhook-endpoints/${id}`, { body: { events: ['*'] } });
    expect(patched.body).toMatchObject({ events: ['*'], active: true });

    for (const [method, path, body] of [
      ['POST', '/v1/webhook-endpoints', { url: 'not a url' }],
      ['POST', '/v1/webhook-endpoints', { url: r.url, events: ['hold.*'] }],
      ['POST', '/v1/webhook-endpoints', { url: r.url, events: ['booking.creatd'] }],
      ['POST', '/v1/webhook-endpoints', { url: r.url, events: [] }],
      ['POST', '/v1/webhook-endpoints', { url: 'ftp://example.com/x' }],
      ['PATCH', `/v1/webhook-endpoints/${id}`, { secret: 'whsec_mine' }],
      ['POST', `/v1/webhook-endpoints/${id}/replay`, { since: 'yesterday' }],
      ['POST', `/v1/webhook-endpoints/${id}/test`, { extra: 1 }],
    ] as const) {
      const res = await call(t, method, path, { body });
      expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(422);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
    }
    for (const [method, path] of [
      ['GET', '/v1/webhook-endpoints/whe_nope'],
      ['PATCH', '/v1/webhook-endpoints/whe_nope'],
      ['DELETE', '/v1/webhook-endpoints/whe_nope'],
      ['GET', '/v1/webhook-endpoints/whe_nope/deliveries'],
      ['POST', '/v1/webhook-endpoints/whe_nope/rotate-secret'],
      ['POST', '/v1/webhook-endpoints/whe_nope/test'],
      ['POST', '/v1/webhook-deliveries/dlv_nope/retry'],
    ] as const) {
      const body = method === 'GET' || method === 'DELETE' ? {} : { body: {} };
      expect((await call(t, method, path, body)).status, `${method} ${path}`).toBe(404);
    }
    // Publishable keys cannot see or make endpoints.
    expect((await call(t, 'GET', '/v1/webhook-endpoints', { key: t.publishableKey })).status).toBe(403);

    expect((await call(t, 'DELETE', `/v1/webhook-endpoints/${id}`)).status).toBe(204);
    expect((await call(t, 'GET', `/v1/webhook-endpoints/${id}`)).status).toBe(404);
  });

  it('an endpoint switched off gets nothing; switched on, it gets what happens from then on', async () => {
    t = await createWebhookTest();
    const r = await receiver();
    const endpoint = await t.endpoint({ url: r.url, events: ['product.*'] });
    await call(t, 'PATCH', `/v1/webhook-endpoints/${endpoint.id}`, { body: { active: false } });
    await product('off');
    await t.worker.drain();
    expect(r.received).toHaveLength(0);
    await call(t, 'PATCH', `/v1/webhook-endpoints/${endpoint.id}`, { body: { active: true } });
    await product('on');
    await t.worker.drain();
    expect(r.events().map((e) => (e.data as { sku: string }).sku)).toEqual(['on']);
  });

  it('a switched-off endpoint refuses test, replay and retry with 409 invalid_state; 20 endpoints at most', async () => {
    t = await createWebhookTest();
    const r = await receiver();
    const endpoint = await t.endpoint({ url: r.url, events: ['product.*'] });
    const sent = await call<Delivery>(t, 'POST', `/v1/webhook-endpoints/${endpoint.id}/test`);
    expect(sent.status).toBe(202);
    await call(t, 'PATCH', `/v1/webhook-endpoints/${endpoint.id}`, { body: { active: false } });
    for (const [path, body] of [
      [`/v1/webhook-endpoints/${endpoint.id}/test`, {}],
      [`/v1/webhook-endpoints/${endpoint.id}/replay`, { since: '2026-03-01T00:00:00Z' }],
      [`/v1/webhook-deliveries/${sent.body.id}/retry`, {}],
    ] as const) {
      const res = await call<{ code: string }>(t, 'POST', path, { body });
      expect(res.status, path).toBe(409);
      expect(res.body.code).toBe('invalid_state');
    }
    for (let i = 1; i < 20; i++) await t.endpoint({ url: `${r.url}?n=${i}` });
    const over = await call<{ code: string }>(t, 'POST', '/v1/webhook-endpoints', { body: { url: r.url } });
    expect(over.status).toBe(409);
    expect(over.body.code).toBe('invalid_state');
  });
});

describe('SSRF guard', () => {
  const refused = [
    'https://127.0.0.1/hook',
    'https://10.0.0.1/hook',
    'https://172.16.5.4/hook',
    'https://192.168.1.10/hook',
    'https://169.254.169.254/latest/meta-data/',
    'https://[::1]/hook',
    'https://[fd00::1]/hook',
    'https://[::ffff:127.0.0.1]/hook',
    'https://0.0.0.0/hook',
    'https://internal.example/hook', // resolves to 10.1.2.3
    'https://sneaky.example/hook', // one public and one private address
    'https://nowhere.example/hook', // does not resolve
    'http://hooks.example/hook', // public, but not https
  ];

  it('refuses private, loopback, link-local and unresolvable targets, and http:, with a 422 on url', async () => {
    const resolver = fakeResolver({ 'internal.example': '10.1.2.3', 'hooks.example': '93.184.215.14' });
    const sneaky = async (host: string) =>
      host === 'sneaky.example'
        ? [
            { address: '93.184.215.14', family: 4 as const },
            { address: '192.168.0.5', family: 4 as const },
          ]
        : resolver(host);
    t = await createWebhookTest({ webhooks: { allowPrivate: false, resolver: sneaky } });
    for (const url of refused) {
      const res = await call<{ code: string; errors: { path: string; code: string }[] }>(
        t,
        'POST',
        '/v1/webhook-endpoints',
        { body: { url } },
      );
      expect(res.status, url).toBe(422);
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.errors[0]).toMatchObject({ path: 'url', code: 'url_refused' });
    }
    // A public https target is accepted (nothing is sent to it here).
    expect(
      (await call(t, 'POST', '/v1/webhook-endpoints', { body: { url: 'https://hooks.example/h' } })).status,
    ).toBe(201);
    // Changing the URL is checked the same way.
    const [endpoint] = (await call<{ data: { id: string }[] }>(t, 'GET', '/v1/webhook-endpoints')).body.data;
    const patch = await call(t, 'PATCH', `/v1/webhook-endpoints/${endpoint!.id}`, {
      body: { url: 'https://169.254.169.254/' },
    });
    expect(patch.status).toBe(422);
  });

  it('checks again at delivery: a name that now resolves to a private address is never connected to', async () => {
    const resolver = fakeResolver({ 'hooks.example': '93.184.215.14' });
    const sent: string[] = [];
    t = await createWebhookTest({
      webhooks: { allowPrivate: false, resolver },
      worker: {
        webhooks: {
          allowPrivate: false,
          resolver,
          sender: async (request) => {
            sent.push(request.address.address);
            throw new Error('this test sends nothing');
          },
        },
      },
    });
    const endpoint = await t.endpoint({ url: 'https://hooks.example/h', events: ['product.*'] });
    resolver.names['hooks.example'] = '10.0.0.7'; // DNS rebinding
    await product('p1');
    await t.worker.drain();
    expect(sent).toEqual([]);
    const [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery!.status).toBe('pending');
    expect(delivery!.attempts[0]!.error).toMatch(/^refused: hooks\.example resolves to 10\.0\.0\.7/);
  });

  it('the sender connects to the address the guard checked, not to what DNS says later', async () => {
    const r = await receiver();
    const port = new URL(r.url).port;
    // `hook.test` exists only in this resolver: reaching the receiver proves the pinned address was used.
    const resolver = fakeResolver({ 'hook.test': '127.0.0.1' });
    t = await createWebhookTest({
      webhooks: { allowPrivate: true, resolver },
      worker: { webhooks: { resolver } },
    });
    await t.endpoint({ url: `http://hook.test:${port}/hooks`, events: ['product.*'] });
    await product('p1');
    await t.worker.drain();
    expect(r.received).toHaveLength(1);
    expect(r.received[0]!.headers.host).toBe(`hook.test:${port}`);
  });
});

describe('rotation, test event, replay, retry', () => {
  it('after a rotation both secrets verify for 24 h, then only the new one signs', async () => {
    t = await createWebhookTest();
    const r = await receiver();
    const endpoint = await t.endpoint({ url: r.url, events: ['product.*'] });
    const rotated = await call<{ secret: string; previousSecretExpiresAt: string }>(
      t,
      'POST',
      `/v1/webhook-endpoints/${endpoint.id}/rotate-secret`,
    );
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(endpoint.secret);
    expect(rotated.body.previousSecretExpiresAt).toBe('2026-03-03T08:00:00Z');
    await product('p1');
    await t.worker.drain();
    const [message] = r.received;
    expect(message!.headers['webhook-signature']!.split(' ')).toHaveLength(2);
    for (const secret of [endpoint.secret, rotated.body.secret]) {
      expect(() => verifyAt(secret, message!, t.clock())).not.toThrow();
    }
    t.clock.advance(24 * 3_600_000 + 1000);
    await product('p2');
    await t.worker.drain();
    const later = r.received[1]!;
    expect(later.headers['webhook-signature']!.split(' ')).toHaveLength(1);
    expect(() => verifyAt(rotated.body.secret, later, t.clock())).not.toThrow();
    expect(() => verifyAt(endpoint.secret, later, t.clock())).toThrow();
  });

  it('POST …/test sends webhook.test to that endpoint only', async () => {
    t = await createWebhookTest();
    const a = await receiver();
    const b = await receiver();
    const endpoint = await t.endpoint({ url: a.url });
    await t.endpoint({ url: b.url });
    const res = await call<Delivery>(t, 'POST', `/v1/webhook-endpoints/${endpoint.id}/test`);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: 'pending', eventId: expect.stringMatching(/^evt_\d+$/) });
    await t.worker.drain();
    expect(a.events().map((e) => e.type)).toEqual(['webhook.test']);
    expect(a.ids()).toEqual([res.body.eventId]);
    expect(b.received).toHaveLength(0);
  });

  it('replay after an outage re-sends every matching event with its original webhook-id', async () => {
    t = await createWebhookTest();
    const r = await receiver();
    const endpoint = await t.endpoint({ url: r.url, events: ['product.created'] });
    await product('a');
    await product('b');
    await call(t, 'PATCH', '/v1/products/a', { body: { name: 'Renamed' } }); // product.updated: not wanted
    await t.worker.drain();
    const original = r.ids();
    expect(original).toHaveLength(2);

    const since = await call<{ queued: number; nextSince: null }>(
      t,
      'POST',
      `/v1/webhook-endpoints/${endpoint.id}/replay`,
      { body: { since: '2026-03-02T07:00:00Z' } },
    );
    expect(since).toMatchObject({ status: 202, body: { queued: 2, nextSince: null } });
    await t.worker.drain();
    expect(r.ids().slice(2)).toEqual(original);

    const fromId = await call<{ queued: number }>(t, 'POST', `/v1/webhook-endpoints/${endpoint.id}/replay`, {
      body: { since: original[1] },
    });
    expect(fromId.body.queued).toBe(1);
    await t.worker.drain();
    expect(r.ids().slice(4)).toEqual([original[1]]);
  });

  it('a failed delivery (schedule spent) is sent again by a manual retry, with the same webhook-id', async () => {
    t = await createWebhookTest();
    const r = await receiver({ status: 500 });
    const endpoint = await t.endpoint({ url: r.url, events: ['product.*'] });
    await product('a');
    await t.worker.drain();
    // Follow the schedule to its end (≈ 3.3 days: less than the 5 days that would disable the endpoint).
    for (;;) {
      const [delivery] = await deliveriesOf(endpoint.id);
      if (delivery!.status !== 'pending') break;
      t.clock.set((delivery as Delivery & { nextAttemptAt: string }).nextAttemptAt);
      await t.worker.drain();
    }
    const [failed] = await deliveriesOf(endpoint.id, '?status=failed');
    expect(failed!.attempts).toHaveLength(10);
    expect(r.received).toHaveLength(10);
    expect(t.clock() - Date.parse('2026-03-02T08:00:00Z')).toBeGreaterThan(2.9 * 86_400_000);
    r.fallback = { status: 200 };
    const retried = await call<Delivery>(t, 'POST', `/v1/webhook-deliveries/${failed!.id}/retry`);
    expect(retried.status).toBe(202);
    expect(retried.body.status).toBe('pending');
    await t.worker.drain();
    expect(r.ids().at(-1)).toBe(failed!.eventId);
    const [done] = await deliveriesOf(endpoint.id);
    expect(done!.status).toBe('succeeded');
    expect(done!.attempts.at(-1)!.status).toBe(200);
  });
});

describe('secrets', () => {
  it('a secret appears in no log line, no later answer, no event and no delivery log', async () => {
    t = await createWebhookTest();
    const r = await receiver();
    r.script.push({ status: 500 }, { status: 410 });
    const one = await t.endpoint({ url: r.url, events: ['product.*'] });
    const two = await t.endpoint({ url: r.url, events: ['*'] });
    const rotated = await call<{ secret: string }>(
      t,
      'POST',
      `/v1/webhook-endpoints/${two.id}/rotate-secret`,
    );
    await product('a');
    await t.worker.drain();
    t.clock.advance(10_000);
    await t.worker.drain();
    await call(t, 'POST', `/v1/webhook-endpoints/${two.id}/test`);
    await t.worker.drain();
    const answers = await Promise.all(
      [
        '/v1/webhook-endpoints',
        `/v1/webhook-endpoints/${one.id}`,
        `/v1/webhook-endpoints/${two.id}`,
        `/v1/webhook-endpoints/${one.id}/deliveries`,
        `/v1/webhook-endpoints/${two.id}/deliveries`,
        '/v1/events?limit=100',
      ].map(async (path) => JSON.stringify((await call(t, 'GET', path)).body)),
    );
    const bodies = r.received.map((m) => m.body);
    const everything = [...answers, ...bodies, ...t.logger.lines].join('\n');
    expect(t.logger.lines.some((l) => l.includes('webhook attempt failed'))).toBe(true);
    for (const secret of [one.secret, two.secret, rotated.body.secret]) {
      expect(everything).not.toContain(secret);
      expect(everything).not.toContain(secret.slice('whsec_'.length));
    }
  });
});

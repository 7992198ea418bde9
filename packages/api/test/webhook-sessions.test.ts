/**
 * @module Webhooks and the console: an owner's session manages endpoints as the secret key does
 * (like `/v1/keys`), a staff session reaches no webhook route; the events the webhook side writes
 * name a sensible actor; and what a body carries is what the secret key can read anyway.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { call, customer } from './fixtures.js';
import { addUser, asSession, signIn } from './session-helpers.js';
import { createWebhookTest, type Receiver, startReceiver, type WebhookTest } from './webhook-helpers.js';

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

async function ownerSession() {
  await addUser(t.db, t.businessId, { email: 'owner@salon.example', name: 'Olga' }, t.clock());
  return (await signIn(t, 'owner@salon.example')).cookie!;
}

async function staffSession() {
  const ana = t.catalog!.resourceIds.ana;
  await addUser(
    t.db,
    t.businessId,
    { email: 'ana@salon.example', name: 'Ana', role: 'staff', resourceIds: [ana] },
    t.clock(),
  );
  return (await signIn(t, 'ana@salon.example')).cookie!;
}

interface Actor {
  type: string;
  id: string | null;
}

async function eventsOf(type: string) {
  const res = await call<{ data: { subjectId: string; actor: Actor; payload: unknown }[] }>(
    t,
    'GET',
    `/v1/events?type=${type}`,
  );
  expect(res.status).toBe(200);
  return res.body.data;
}

describe('console sessions on webhook routes', () => {
  it('an owner manages endpoints as the secret key does; staff are refused every webhook route (403)', async () => {
    t = await createWebhookTest();
    const r = await receiver();
    const owner = await ownerSession();
    // Webhooks follow the keys: what an owner may do with `/v1/keys`, they may do here.
    expect((await asSession(t, owner, 'GET', '/v1/keys')).status).toBe(200);
    const created = await asSession<{ id: string; secret: string }>(
      t,
      owner,
      'POST',
      '/v1/webhook-endpoints',
      {
        url: r.url,
        description: 'CRM',
      },
    );
    expect(created.status).toBe(201);
    const { id, secret } = created.body;
    expect(secret).toMatch(/^whsec_/);
    const listed = await asSession<{ data: { id: string }[] }>(t, owner, 'GET', '/v1/webhook-endpoints');
    expect(listed.body.data.map((e) => e.id)).toEqual([id]);
    const test = await asSession<{ id: string }>(t, owner, 'POST', `/v1/webhook-endpoints/${id}/test`);
    expect(test.status).toBe(202);
    await t.worker.drain();
    expect(r.received).toHaveLength(1);

    const staff = await staffSession();
    // The staff member's session works (their bookings), so a 403 below is the scope, not the cookie.
    expect((await asSession(t, staff, 'GET', '/v1/bookings')).status).toBe(200);
    const calls: [string, string, unknown?][] = [
      ['GET', '/v1/webhook-endpoints'],
      ['POST', '/v1/webhook-endpoints', { url: r.url }],
      ['GET', `/v1/webhook-endpoints/${id}`],
      ['PATCH', `/v1/webhook-endpoints/${id}`, { url: 'http://127.0.0.1:9/elsewhere', active: false }],
      ['DELETE', `/v1/webhook-endpoints/${id}`],
      ['POST', `/v1/webhook-endpoints/${id}/rotate-secret`, {}],
      ['POST', `/v1/webhook-endpoints/${id}/test`, {}],
      ['GET', `/v1/webhook-endpoints/${id}/deliveries`],
      ['POST', `/v1/webhook-endpoints/${id}/replay`, { since: '2026-03-01T00:00:00Z' }],
      ['POST', `/v1/webhook-deliveries/${test.body.id}/retry`, {}],
    ];
    // Every webhook route the app has is in the list above.
    const routes = new Set(
      t.app.routes.filter((route) => route.path.startsWith('/v1/webhook-')).map((route) => route.path),
    );
    expect(routes.size).toBe(7);
    for (const [method, path, body] of calls) {
      const res = await asSession(t, staff, method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(JSON.stringify(res.body)).not.toContain(r.url);
      expect(JSON.stringify(res.body)).not.toContain(secret);
    }
    // Nothing happened: same endpoint, same secret, no second test event, no retry.
    await t.worker.drain();
    const tests = r.received.filter((m) => JSON.parse(m.body).type === 'webhook.test');
    expect(tests).toHaveLength(1);
    const after = await asSession<{ url: string; active: boolean }>(
      t,
      owner,
      'GET',
      `/v1/webhook-endpoints/${id}`,
    );
    expect(after.body).toMatchObject({ url: r.url, active: true, previousSecretExpiresAt: null });
    const log = await asSession<{ data: { id: string; attempts: unknown[] }[] }>(
      t,
      owner,
      'GET',
      `/v1/webhook-endpoints/${id}/deliveries`,
    );
    expect(log.body.data.find((d) => d.id === test.body.id)?.attempts).toHaveLength(1);
  });
});

describe('actors of webhook events', () => {
  it('webhook.test names who asked for it; webhook_endpoint.disabled is the system', async () => {
    t = await createWebhookTest();
    const r = await receiver();
    const owner = await ownerSession();
    const endpoint = await t.endpoint({ url: r.url });
    expect((await call(t, 'POST', `/v1/webhook-endpoints/${endpoint.id}/test`)).status).toBe(202);
    expect((await asSession(t, owner, 'POST', `/v1/webhook-endpoints/${endpoint.id}/test`)).status).toBe(202);
    await t.worker.drain();
    const [byKey, byOwner] = await eventsOf('webhook.test');
    expect(byKey!.actor).toMatchObject({ type: 'key' });
    expect(byOwner!.actor).toMatchObject({ type: 'user', name: 'Olga' });

    // The receiver is gone (410): Frontdesk switches the endpoint off by itself.
    r.fallback = { status: 410 };
    await call(t, 'POST', '/v1/products', { body: { sku: 'GONE-1', name: 'Gone' } });
    await t.worker.drain();
    const [disabled] = await eventsOf('webhook_endpoint.disabled');
    expect(disabled).toMatchObject({ subjectId: endpoint.id, actor: { type: 'system', id: null } });
    expect(JSON.stringify(disabled)).not.toContain(endpoint.secret);
  });
});

describe('what a body carries', () => {
  it('no more than the secret key reads: never a manage token, internal notes or actor', async () => {
    t = await createWebhookTest();
    const r = await receiver();
    const owner = await ownerSession();
    const endpoint = await t.endpoint({ url: r.url });
    const booked = await call<{ id: string; manageToken: string }>(t, 'POST', '/v1/bookings', {
      key: t.publishableKey,
      body: { service: t.catalog!.serviceIds.haircut, start: '2026-03-03T10:00:00Z', customer },
    });
    expect(booked.status).toBe(201);
    const notes = 'Owes 20 EUR from last time';
    const noted = await asSession(t, owner, 'PUT', `/v1/bookings/${booked.body.id}/notes`, {
      internalNotes: notes,
    });
    expect(noted.status).toBe(200);
    const invited = await asSession(t, owner, 'POST', '/v1/users', { email: 'bruno@salon.example' });
    expect(invited.status).toBe(201);
    await t.worker.drain();

    const bodies = r.received.map((m) => m.body);
    // One subject's events keep their order; different subjects do not wait for each other.
    expect(r.events().map((e) => e.type)).toHaveLength(3);
    expect(r.events().map((e) => e.type)).toEqual(
      expect.arrayContaining(['booking.created', 'booking.notes_changed', 'user.created']),
    );
    for (const body of bodies) {
      expect(body).not.toContain(booked.body.manageToken);
      expect(body).not.toContain(notes);
      expect(body).not.toContain(endpoint.secret);
      expect(body).not.toContain('"actor"');
      expect(body).not.toContain('fd_inv_');
    }
    // Each field of a booking body is one the secret key reads on that booking.
    const read = await call<Record<string, unknown>>(t, 'GET', `/v1/bookings/${booked.body.id}`);
    for (const event of r.events().filter((e) => e.type.startsWith('booking.'))) {
      const { holdId: _h, ...fields } = event.data;
      expect(Object.keys(fields).filter((key) => !(key in read.body))).toEqual([]);
      expect(fields).toMatchObject({ customer, arrivedAt: null });
      expect(fields).not.toHaveProperty('internalNotes');
    }
    // And a user body is what `GET /v1/users` shows the secret key.
    const users = await call<{ data: { id: string; email: string }[] }>(t, 'GET', '/v1/users');
    const user = r.events().find((e) => e.type === 'user.created')!.data;
    expect(users.body.data).toContainEqual(expect.objectContaining({ id: user.id, email: user.email }));
  });
});

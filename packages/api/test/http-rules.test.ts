/**
 * @module HTTP rules: problem shapes, Idempotency-Key, rate limit headers, body limit.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { call, customer, setupSalon } from './fixtures.js';
import { createTestApp, type TestApp } from './helpers.js';

let t: TestApp;
afterEach(async () => t?.close());

const slot = '2026-03-03T09:00:00Z';

describe('problem+json answers', () => {
  it('400 invalid_json, 415 for other content types, 422 with field paths', async () => {
    t = await createTestApp();
    const bad = await call(t, 'POST', '/v1/bookings', { key: t.publishableKey, body: '{"service": ' });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toBe('application/problem+json');
    expect(bad.body).toMatchObject({
      status: 400,
      code: 'invalid_json',
      type: expect.any(String),
      title: expect.any(String),
    });
    expect(bad.body.requestId).toBe(bad.headers.get('x-request-id'));

    const form = await call(t, 'POST', '/v1/bookings', {
      key: t.publishableKey,
      body: 'service=x',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    expect(form.body).toMatchObject({ code: 'unsupported_media_type' });

    const invalid = await call<{ errors: { path: string }[] }>(t, 'POST', '/v1/bookings', {
      key: t.publishableKey,
      body: { service: 'svc_x', start: '2026-02-30T09:00:00Z', customer: { name: '', email: 'nope' } },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body).toMatchObject({ code: 'validation_failed' });
    expect(invalid.body.errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['start', 'customer.name', 'customer.email']),
    );
  });
});

describe('Idempotency-Key', () => {
  it('replays the first answer for the same body and refuses another body with 409', async () => {
    t = await createTestApp();
    const salon = await setupSalon(t);
    const body = { service: salon.serviceId, start: slot, customer };
    const headers = { 'Idempotency-Key': 'abc-123' };
    const first = await call<{ id: string; manageToken: string }>(t, 'POST', '/v1/bookings', {
      key: t.publishableKey,
      body,
      headers,
    });
    expect(first.status).toBe(201);
    const replay = await call<{ id: string; manageToken: string }>(t, 'POST', '/v1/bookings', {
      key: t.publishableKey,
      body: { customer, start: slot, service: salon.serviceId }, // same content, other key order
      headers,
    });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    const other = await call(t, 'POST', '/v1/bookings', {
      key: t.publishableKey,
      body: { ...body, start: '2026-03-03T10:00:00Z' },
      headers,
    });
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({ code: 'idempotency_conflict' });
    // A domain error is stored and replayed too: a retry must not book a slot taken meanwhile.
    const taken = await call(t, 'POST', '/v1/holds', {
      key: t.publishableKey,
      body: { service: salon.serviceId, start: slot },
      headers: { 'Idempotency-Key': 'hold-1' },
    });
    expect(taken.status).toBe(409);
    const takenAgain = await call(t, 'POST', '/v1/holds', {
      key: t.publishableKey,
      body: { service: salon.serviceId, start: slot },
      headers: { 'Idempotency-Key': 'hold-1' },
    });
    expect(takenAgain.status).toBe(409);
    expect(takenAgain.headers.get('idempotent-replayed')).toBe('true');
  });
});

describe('rate limit', () => {
  it('sends RateLimit headers and answers 429 with Retry-After once the burst is spent', async () => {
    t = await createTestApp({ rateLimit: { limit: 30, windowSeconds: 60, burst: 3 } });
    const salon = await setupSalon(t);
    const hold = () =>
      call(t, 'POST', '/v1/holds', {
        key: t.publishableKey,
        body: { service: salon.classId, start: '2026-03-04T10:00:00Z' },
      });
    const first = await hold();
    expect(first.status).toBe(201);
    expect(first.headers.get('ratelimit-policy')).toBe('30;w=60');
    expect(first.headers.get('ratelimit')).toMatch(/^limit=30, remaining=2, reset=\d+$/);
    await hold();
    await hold();
    const limited = await hold();
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ code: 'rate_limited', retryAfter: 2 });
    expect(limited.headers.get('retry-after')).toBe('2');
    // Reads are not limited, and tokens come back with time.
    expect((await call(t, 'GET', '/v1/services', { key: t.publishableKey })).status).toBe(200);
    t.clock.advance(2_000);
    // Let through again: no longer 429 (the 3-seat class is full of holds by now, hence 409).
    expect((await hold()).status).toBe(409);
  });
});

describe('body limit', () => {
  it('answers 413 payload_too_large for a large body, with or without Content-Length (chunked)', async () => {
    t = await createTestApp({ bodyLimit: 1024 });
    const big = JSON.stringify({ name: 'x'.repeat(5000) });
    const sized = await call(t, 'POST', '/v1/resources', { body: big });
    expect(sized.status).toBe(413);
    expect(sized.body).toMatchObject({ code: 'payload_too_large' });

    const chunks = [big.slice(0, 600), big.slice(600, 1200), big.slice(1200)];
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next === undefined) controller.close();
        else controller.enqueue(new TextEncoder().encode(next));
      },
    });
    const res = await t.app.request('/v1/resources', {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.secretKey}`, 'Content-Type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 'payload_too_large' });

    const small = await call(t, 'POST', '/v1/resources', { body: { name: 'Small' } });
    expect(small.status).toBe(201);
  });
});

/**
 * @module The request log: one JSON line per request with its id, method, route pattern, status,
 * duration and who asked; never a key, manage token, session, email or phone, wherever the request
 * carried them (header, cookie, path, query, body). And the JSON logger itself: `time`, `level`,
 * `msg`, and `FRONTDESK_LOG_LEVEL`'s threshold.
 */
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createJsonLogger } from '../src/env.js';
import { redactedQuery } from '../src/middleware/request-log.js';
import { call } from './fixtures.js';
import { createTestApp, type LogLine, type TestApp } from './helpers.js';
import { addUser, asSession, signIn } from './session-helpers.js';

let t: TestApp;
afterEach(async () => t?.close());

const requestLines = (logs: LogLine[]) => logs.filter((line) => line.message === 'request');
const start = '2026-03-04T09:00:00Z';

describe('the request log', () => {
  it('writes one info line per request: id, method, route pattern, status, duration, key id', async () => {
    t = await createTestApp();
    const keys = await call<{ data: { id: string; kind: string }[] }>(t, 'GET', '/v1/keys');
    const publishableKeyId = keys.body.data.find((key) => key.kind === 'publishable')!.id;
    const before = t.logs.length;
    const res = await t.app.request('/v1/bookings', {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.publishableKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        service: t.catalog!.serviceIds.haircut,
        start,
        customer: { name: 'Maria', email: 'maria@example.com' },
      }),
    });
    expect(res.status).toBe(201);
    const lines = requestLines(t.logs.slice(before));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toEqual({
      level: 'info',
      message: 'request',
      fields: {
        requestId: res.headers.get('x-request-id'),
        method: 'POST',
        route: '/v1/bookings',
        status: 201,
        durationMs: expect.any(Number),
        keyId: publishableKeyId,
      },
    });
    expect(lines[0]!.fields!.durationMs).toBeGreaterThan(0);
  });

  it('logs 4xx answers at info with the route they were for, and health probes at debug', async () => {
    t = await createTestApp({ catalog: false });
    await call(t, 'GET', '/v1/bookings/bkg_nothing', { key: null });
    await t.app.request('/healthz');
    await t.app.request('/readyz');
    const [unauthorized, health, ready] = requestLines(t.logs);
    expect(unauthorized).toMatchObject({
      level: 'info',
      fields: { route: '/v1/bookings/:id', status: 401, method: 'GET' },
    });
    expect(unauthorized!.fields).not.toHaveProperty('keyId');
    expect(health).toMatchObject({ level: 'debug', fields: { route: '/healthz', status: 200 } });
    expect(ready).toMatchObject({ level: 'debug', fields: { route: '/readyz', status: 200 } });
  });

  it('never carries a key, manage token, session, email or phone, wherever the request had them', async () => {
    t = await createTestApp();
    const email = 'private.person@example.com';
    const phone = '+351 912 345 678';
    const booked = await call<{ id: string; manageToken: string }>(t, 'POST', '/v1/bookings', {
      key: t.publishableKey,
      headers: { 'Idempotency-Key': 'idem-private-key-1' },
      body: {
        service: t.catalog!.serviceIds.haircut,
        start,
        customer: { name: 'Pia Private', email, phone },
      },
    });
    expect(booked.status).toBe(201);
    const { id, manageToken } = booked.body;
    await call(t, 'GET', `/v1/bookings/${id}?token=${manageToken}`, { key: t.publishableKey });
    await call(t, 'GET', `/v1/bookings/${id}/ics?token=${encodeURIComponent(manageToken)}&x=1`, {
      key: t.publishableKey,
    });
    await call(t, 'GET', `/v1/bookings/${manageToken}`, { key: t.publishableKey });
    await call(t, 'GET', `/v1/no-such-route/${manageToken}?token=${manageToken}`, { key: null });
    await call(t, 'GET', `/v1/bookings?email=${encodeURIComponent(email)}`);
    await call(t, 'GET', `/v1/stock/stream?skus=A&key=${t.secretKey}`, { key: null });
    await call(t, 'GET', `/v1/services?limit=100&key=${t.publishableKey}`, { key: null });
    await call(t, 'GET', `/v1/business?secret=${t.secretKey}&phone=${encodeURIComponent(phone)}`);
    const owner = await addUser(t.db, t.businessId, { email: 'owner.private@example.com' }, t.clock());
    const session = await signIn(t, 'owner.private@example.com');
    expect(session.status).toBe(200);
    const me = await asSession(t, session.cookie!, 'GET', '/v1/session');
    expect(me.status).toBe(200);

    const lines = requestLines(t.logs);
    expect(lines.length).toBeGreaterThanOrEqual(10);
    const sessionLine = lines.find(
      (line) => line.fields?.route === '/v1/session' && line.fields.method === 'GET',
    );
    expect(sessionLine?.fields).toMatchObject({ userId: owner.id, status: 200 });
    expect(lines.find((line) => line.fields?.route === '/v1/bookings/:id/ics')?.fields?.query).toBe(
      'token=[redacted]&x=1',
    );
    expect(lines.find((line) => line.fields?.route === '/v1/services')?.fields).toMatchObject({
      status: 200,
      keyId: expect.stringMatching(/^key_/),
      query: 'limit=100&key=[redacted]',
    });
    const everything = JSON.stringify(t.logs);
    const cookieValue = session.cookie!.split('=')[1]!;
    for (const secret of [
      t.secretKey,
      t.publishableKey,
      manageToken,
      encodeURIComponent(manageToken),
      cookieValue,
      email,
      encodeURIComponent(email),
      'owner.private@example.com',
      phone,
      encodeURIComponent(phone),
      '912',
      'idem-private-key-1',
      'Pia Private',
    ]) {
      expect(everything, secret).not.toContain(secret);
    }
    expect(everything).not.toContain('sessionId');
  });
});

describe('redactedQuery', () => {
  it('masks values named like credentials or personal data, and values that look like them', () => {
    expect(redactedQuery('http://x/v1/availability?service=svc_1&from=2026-03-01')).toBe(
      'service=svc_1&from=2026-03-01',
    );
    expect(redactedQuery('http://x/a?token=mt_abc&api_key=1&SECRET=2&customerEmail=3&phone=4')).toBe(
      'token=[redacted]&api_key=[redacted]&SECRET=[redacted]&customerEmail=[redacted]&phone=[redacted]',
    );
    expect(redactedQuery('http://x/a?q=someone%40example.com&k=fd_pk_abc')).toBe('q=[redacted]&k=[redacted]');
    // `?key=` by its name alone, whatever its value looks like.
    expect(redactedQuery('http://x/v1/services?limit=5&key=abc')).toBe('limit=5&key=[redacted]');
    expect(redactedQuery('http://x/a')).toBeUndefined();
    expect(redactedQuery('http://x/a?')).toBeUndefined();
  });

  it('answers plain queries without decoding them exactly as it answers every query', () => {
    // The decode-everything reading, which plain `name=value` queries skip.
    const decoded = (query: string) =>
      [...new URLSearchParams(query)]
        .map(([name, value]) => {
          const secret =
            /token|key|secret|password|email|phone|name|^q$/i.test(name) ||
            value.includes('@') ||
            /fd_[a-z]{2}_/i.test(value);
          return `${encodeURIComponent(name)}=${secret ? '[redacted]' : encodeURIComponent(value)}`;
        })
        .join('&');
    const piece = fc.constantFrom(
      'a',
      'from',
      'service',
      'key',
      'q',
      'Email',
      'fd_pk_',
      '2026-03-01',
      '.',
      '-',
      '_',
      '%40',
      '+',
      ' ',
      '@',
      '=',
      '&',
      '%2',
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), (pieces) => {
        const query = pieces.join('');
        expect(redactedQuery(`http://x/a?${query}`)).toBe(decoded(query));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the JSON logger', () => {
  function capture(level?: 'error' | 'warn' | 'info' | 'debug') {
    const chunks: string[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        chunks.push(String(chunk));
        done();
      },
    });
    const logger = createJsonLogger({ destination, ...(level ? { level } : {}) });
    const lines = () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    return { logger, lines };
  }

  it('writes JSON lines with time, level and msg, and the fields', () => {
    const { logger, lines } = capture();
    logger.info('request', { requestId: 'req_1', status: 201 });
    expect(lines()).toEqual([
      {
        level: 'info',
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        requestId: 'req_1',
        status: 201,
        msg: 'request',
      },
    ]);
  });

  it('keeps the lines at its level and above (default info)', () => {
    const byDefault = capture();
    const quiet = capture('warn');
    const verbose = capture('debug');
    for (const { logger } of [byDefault, quiet, verbose]) {
      logger.debug?.('d');
      logger.info('i');
      logger.warn('w');
      logger.error('e');
    }
    const levels = (c: ReturnType<typeof capture>) => c.lines().map((line) => line.msg);
    expect(levels(byDefault)).toEqual(['i', 'w', 'e']);
    expect(levels(quiet)).toEqual(['w', 'e']);
    expect(levels(verbose)).toEqual(['d', 'i', 'w', 'e']);
  });
});

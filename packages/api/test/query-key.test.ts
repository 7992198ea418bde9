/**
 * @module A publishable key as `?key=` on GET and HEAD (`keyOf` in middleware/auth.ts): the same
 * answer as with the `Authorization` header, and, having no header a browser must ask about, no CORS
 * preflight; origins checked as with the header. Never a secret key in a URL (403 before any
 * lookup), never two keys (400 `ambiguous_key`), never on a write (401 as if no key).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { call } from './fixtures.js';
import { createTestApp, type TestApp } from './helpers.js';

let t: TestApp;
afterEach(async () => t?.close());

const shop = 'https://shop.example';

/** A request with no header but `Origin` (as a browser's simple GET from `origin`). */
const simpleGet = (path: string, origin?: string) =>
  t.app.request(path, { headers: origin ? { Origin: origin } : {} });

describe('?key= on a GET', () => {
  it('answers exactly as the Authorization header does, for HEAD too', async () => {
    t = await createTestApp();
    const service = t.catalog!.serviceIds.haircut;
    for (const path of [
      '/v1/services?limit=100',
      `/v1/services/${service}`,
      `/v1/availability?service=${service}&from=2026-03-03&to=2026-03-04`,
      '/v1/business',
    ]) {
      const withHeader = await call(t, 'GET', path, { key: t.publishableKey });
      expect(withHeader.status, path).toBe(200);
      const inQuery = await simpleGet(`${path}${path.includes('?') ? '&' : '?'}key=${t.publishableKey}`);
      expect(inQuery.status, path).toBe(200);
      expect(await inQuery.json(), path).toEqual(withHeader.body);
    }
    const head = await t.app.request(`/v1/services?key=${t.publishableKey}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    // Without any key, the same GET is refused.
    expect((await simpleGet('/v1/services')).status).toBe(401);
  });

  it('needs no preflight: a cross-origin GET with only Origin gets Access-Control-Allow-Origin', async () => {
    t = await createTestApp({ allowedOrigins: [shop] });
    const res = await simpleGet(`/v1/services?key=${t.publishableKey}`, shop);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(shop);
    expect(res.headers.get('access-control-expose-headers')).toContain('X-Request-Id');
    // The origin check applies exactly as with the header.
    const evil = await simpleGet(`/v1/services?key=${t.publishableKey}`, 'https://evil.example');
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    expect(await evil.json()).toMatchObject({ code: 'forbidden' });
  });

  it('stops working once the key is revoked', async () => {
    t = await createTestApp();
    const created = await call<{ id: string; secret: string }>(t, 'POST', '/v1/keys', {
      body: { kind: 'publishable', label: 'shop', allowedOrigins: ['*'] },
    });
    expect(created.status).toBe(201);
    const path = `/v1/services?key=${created.body.secret}`;
    expect((await simpleGet(path, shop)).status).toBe(200);
    expect((await call(t, 'DELETE', `/v1/keys/${created.body.id}`)).status).toBe(200);
    const revoked = await simpleGet(path, shop);
    expect(revoked.status).toBe(401);
    expect(await revoked.json()).toMatchObject({ code: 'unauthorized' });
    // Readable by the page, so the widget can say "unknown or revoked key" rather than "network error".
    expect(revoked.headers.get('access-control-allow-origin')).toBe(shop);
  });
});

describe('refused', () => {
  it('a secret key in the query: 403 before any lookup, on any method, however the name is spelled', async () => {
    t = await createTestApp();
    for (const [method, path] of [
      ['GET', `/v1/business?key=${t.secretKey}`],
      ['GET', '/v1/business?key=fd_sk_notakeyatallnotakeyatallnotake'],
      ['GET', `/v1/business?k%65y=${t.secretKey}`],
      ['GET', `/v1/stock/stream?skus=A&key=${t.secretKey}`],
      ['POST', `/v1/holds?key=${t.secretKey}`],
    ] as const) {
      const res = await t.app.request(path, {
        method,
        headers: { Origin: shop, ...(method === 'POST' ? { 'Content-Type': 'application/json' } : {}) },
        ...(method === 'POST' ? { body: '{}' } : {}),
      });
      expect(res.status, path).toBe(403);
      expect(res.headers.get('content-type'), path).toContain('application/problem+json');
      expect(await res.json(), path).toMatchObject({
        code: 'forbidden',
        detail: expect.stringMatching(/URL/),
      });
      // A developer trying it in a page reads why, not a network error.
      expect(res.headers.get('access-control-allow-origin'), path).toBe(shop);
    }
  });

  it('a key in the header and the query, or key twice: 400 ambiguous_key, even when they agree', async () => {
    t = await createTestApp();
    const pk = t.publishableKey;
    const other = await call<{ secret: string }>(t, 'POST', '/v1/keys', {
      body: { kind: 'publishable', label: 'other', allowedOrigins: ['*'] },
    });
    for (const [path, header] of [
      [`/v1/services?key=${pk}`, pk],
      [`/v1/services?key=${pk}`, t.secretKey],
      [`/v1/services?key=${pk}&key=${pk}`, undefined],
      [`/v1/services?key=${pk}&limit=5&key=${other.body.secret}`, undefined],
      [`/v1/services?key=${pk}&k%65y=${other.body.secret}`, undefined],
      [`/v1/stock/stream?skus=A&key=${pk}`, pk],
    ] as const) {
      const res = await t.app.request(path, {
        headers: header ? { Authorization: `Bearer ${header}` } : {},
      });
      expect(res.status, path).toBe(400);
      expect(await res.json(), path).toMatchObject({
        code: 'ambiguous_key',
        type: 'https://frontdesk.dev/problems/ambiguous-key',
      });
    }
  });

  it('?key= on a write: 401 as if no key, and nothing is written', async () => {
    t = await createTestApp();
    const hold = { service: t.catalog!.serviceIds.haircut, start: '2026-03-03T09:00:00Z' };
    for (const method of ['POST', 'DELETE'] as const) {
      const res = await call(
        t,
        method,
        `/v1/holds${method === 'POST' ? '' : '/hld_x'}?key=${t.publishableKey}`,
        {
          key: null,
          ...(method === 'POST' ? { body: hold } : {}),
        },
      );
      expect(res.status, method).toBe(401);
      expect(res.body, method).toMatchObject({ code: 'unauthorized', detail: expect.stringMatching(/GET/) });
    }
    // The same hold with the header is taken: the 401 above did not take it.
    expect((await call(t, 'POST', '/v1/holds', { key: t.publishableKey, body: hold })).status).toBe(201);
  });
});

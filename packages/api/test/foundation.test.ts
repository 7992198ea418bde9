/**
 * @module The basics every route relies on: auth, problems, 404/405, health.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers.js';

let t: TestApp;
afterEach(async () => t?.close());

describe('foundation', () => {
  it('answers GET /v1/business for both keys and 401 without one', async () => {
    t = await createTestApp();
    for (const key of [t.publishableKey, t.secretKey]) {
      const res = await t.app.request('/v1/business', { headers: { Authorization: `Bearer ${key}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-request-id')).toBeTruthy();
      expect(await res.json()).toMatchObject({ id: t.businessId, timezone: 'Europe/Lisbon' });
    }
    const res = await t.app.request('/v1/business');
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({ status: 401, code: 'unauthorized' });
  });

  it('answers unknown routes 404 and wrong methods 405 as problems', async () => {
    t = await createTestApp();
    const auth = { Authorization: `Bearer ${t.secretKey}` };
    const missing = await t.app.request('/v1/nothing-here', { headers: auth });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 'not_found' });
    const wrong = await t.app.request('/v1/business', { method: 'DELETE', headers: auth });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toContain('GET');
    expect(await wrong.json()).toMatchObject({ code: 'method_not_allowed' });
  });

  it('checks the database on /healthz', async () => {
    t = await createTestApp();
    const res = await t.app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, db: 'up' });
  });
});

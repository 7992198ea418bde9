/**
 * @module The rate limit of public writes and the live-hold cap, counted in the database: two apps
 * on one database (as two processes are) draw from one bucket; secret keys and console users have
 * their own budget; refusals do nothing; stale buckets go. The same across real processes:
 * limit-processes.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type AppOptions, createApp } from '../src/app.js';
import { call, customer, type JsonAnswer, setupSalon } from './fixtures.js';
import { createTestApp, type TestApp } from './helpers.js';
import { addUser, asSession, signIn } from './session-helpers.js';

let t: TestApp;
afterEach(async () => {
  await t.close();
});

const start = '2026-03-03T10:00:00Z';
const me = '203.0.113.7';

/** Another app on the same database, as a second API process would be. */
const secondApp = (options: Partial<AppOptions>): TestApp => ({
  ...t,
  app: createApp({
    database: t.db,
    clock: t.clock,
    logger: { info() {}, warn() {}, error() {} },
    ...options,
  }),
});

/** Books the 1000-seat haircut (never full) as `key` from `from`. */
const bookFrom = (app: TestApp, serviceId: string, key: string, from = me): Promise<JsonAnswer> =>
  call(app, 'POST', '/v1/bookings', {
    key,
    headers: { 'X-Forwarded-For': from },
    body: { service: serviceId, start, customer },
  });

const statuses = (answers: JsonAnswer[]) => answers.map((a) => a.status);

async function bookingCount(): Promise<number> {
  const rows = await t.db.client.execute('SELECT COUNT(*) AS n FROM bookings');
  return Number(rows.rows[0]!.n);
}

describe('publishable keys: one bucket per key and address, whichever process answers', () => {
  const limit = { limit: 30, windowSeconds: 60, burst: 3 };

  it('allows the burst once across two apps on one database, then 429 with Retry-After', async () => {
    t = await createTestApp({ rateLimit: limit, trustProxy: 1, catalog: false });
    const { serviceId } = await setupSalon(t, { capacity: 1000 });
    const other = secondApp({ rateLimit: limit, trustProxy: 1 });
    const answers: JsonAnswer[] = [];
    for (const app of [t, other, t, other, t]) answers.push(await bookFrom(app, serviceId, t.publishableKey));
    expect(statuses(answers)).toEqual([201, 201, 201, 429, 429]);
    const refused = answers[3]!;
    expect(refused.body).toMatchObject({ code: 'rate_limited', retryAfter: 2 });
    expect(refused.headers.get('retry-after')).toBe('2');
    expect(refused.headers.get('ratelimit-policy')).toBe('30;w=60');
    expect(refused.headers.get('ratelimit')).toBe('limit=30, remaining=0, reset=2');
    expect(answers[0]!.headers.get('ratelimit')).toMatch(/^limit=30, remaining=2, reset=\d+$/);
    expect(answers[2]!.headers.get('ratelimit')).toMatch(/^limit=30, remaining=0, reset=6$/);
    expect(await bookingCount()).toBe(3);
    // Another address has its own bucket; time refills this one, in both apps.
    expect((await bookFrom(other, serviceId, t.publishableKey, '198.51.100.9')).status).toBe(201);
    t.clock.advance(2_000);
    expect((await bookFrom(other, serviceId, t.publishableKey)).status).toBe(201);
    expect((await bookFrom(t, serviceId, t.publishableKey)).status).toBe(429);
  });

  it('counts requests that fail (409 in the transaction, 422 before it); a refused one does nothing', async () => {
    t = await createTestApp({ rateLimit: { ...limit, burst: 2 }, trustProxy: 1, catalog: false });
    const { serviceId } = await setupSalon(t, { capacity: 1000 });
    const notOffered = await call(t, 'POST', '/v1/bookings', {
      key: t.publishableKey,
      headers: { 'X-Forwarded-For': me },
      body: { service: serviceId, start: '2026-03-03T03:00:00Z', customer },
    });
    expect(notOffered.status).toBe(409);
    expect(notOffered.headers.get('ratelimit')).toMatch(/^limit=30, remaining=1, /);
    const bad = await call(t, 'POST', '/v1/bookings', {
      key: t.publishableKey,
      headers: { 'X-Forwarded-For': me },
      body: { service: serviceId, start },
    });
    expect(bad.status).toBe(422);
    const refused = await bookFrom(t, serviceId, t.publishableKey);
    expect(refused.status).toBe(429);
    expect(await bookingCount()).toBe(0);
  });

  it('stores a hash per bucket, never the address, and deletes buckets once they are full again', async () => {
    t = await createTestApp({ rateLimit: limit, trustProxy: 1, catalog: false });
    const { serviceId } = await setupSalon(t, { capacity: 1000 });
    expect((await bookFrom(t, serviceId, t.publishableKey)).status).toBe(201);
    const rows = async () => (await t.db.client.execute('SELECT * FROM rate_buckets')).rows;
    expect(await rows()).toHaveLength(1);
    expect(JSON.stringify(await rows())).not.toContain(me);
    // Full again after 2 s (one token back); the next limited write, a minute on, sweeps it.
    t.clock.advance(61_000);
    expect((await bookFrom(t, serviceId, t.publishableKey, '198.51.100.9')).status).toBe(201);
    expect(await rows()).toHaveLength(1);
  });
});

describe('secret keys and console users: their own budget', () => {
  it('lets a secret key past the publishable 30 a minute, up to its budget (per key, not per address)', async () => {
    t = await createTestApp({
      rateLimit: { limit: 30, windowSeconds: 60, burst: 10 },
      secretRateLimit: 40,
      trustProxy: 1,
      catalog: false,
    });
    const { serviceId } = await setupSalon(t, { capacity: 1000 });
    const other = secondApp({
      rateLimit: { limit: 30, windowSeconds: 60, burst: 10 },
      secretRateLimit: 40,
      trustProxy: 1,
    });
    const answers: JsonAnswer[] = [];
    for (let i = 0; i < 40; i++) {
      answers.push(
        await bookFrom(i % 2 ? other : t, serviceId, t.secretKey, i % 4 < 2 ? me : '198.51.100.9'),
      );
    }
    expect(statuses(answers).every((s) => s === 201)).toBe(true);
    expect(answers[0]!.headers.get('ratelimit-policy')).toBe('40;w=60');
    const refused = await bookFrom(t, serviceId, t.secretKey, '192.0.2.1');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('2'); // 60 s / 40
    // The publishable key from the same address still has its own bucket.
    expect((await bookFrom(t, serviceId, t.publishableKey)).status).toBe(201);
  });

  it('gives secret keys 600 a minute by default', async () => {
    t = await createTestApp({ catalog: false });
    const { serviceId } = await setupSalon(t, { capacity: 1000 });
    const byDefault = secondApp({});
    const answer = await bookFrom(byDefault, serviceId, t.secretKey);
    expect(answer.status).toBe(201);
    expect(answer.headers.get('ratelimit-policy')).toBe('600;w=60');
    expect(answer.headers.get('ratelimit')).toBe('limit=600, remaining=599, reset=1');
  });

  it('keeps a budget given to a key at creation, shows it, and refuses it for publishable keys', async () => {
    t = await createTestApp({ secretRateLimit: 600, catalog: false });
    const { serviceId } = await setupSalon(t, { capacity: 1000 });
    const created = await call<{ secret: string; id: string; rateLimitPerMinute: number | null }>(
      t,
      'POST',
      '/v1/keys',
      { body: { kind: 'secret', label: 'phone desk', rateLimitPerMinute: 5 } },
    );
    expect(created.status).toBe(201);
    expect(created.body.rateLimitPerMinute).toBe(5);
    const listed = await call<{ data: Array<{ id: string; rateLimitPerMinute: number | null }> }>(
      t,
      'GET',
      '/v1/keys',
    );
    expect(listed.body.data.find((k) => k.id === created.body.id)?.rateLimitPerMinute).toBe(5);
    expect(listed.body.data.every((k) => k.id === created.body.id || k.rateLimitPerMinute === null)).toBe(
      true,
    );

    const answers: JsonAnswer[] = [];
    for (let i = 0; i < 6; i++) answers.push(await bookFrom(t, serviceId, created.body.secret));
    expect(statuses(answers)).toEqual([201, 201, 201, 201, 201, 429]);
    expect(answers[0]!.headers.get('ratelimit-policy')).toBe('5;w=60');
    expect(answers[5]!.headers.get('retry-after')).toBe('12');
    // The business's other secret key is on the server's budget.
    expect((await bookFrom(t, serviceId, t.secretKey)).headers.get('ratelimit-policy')).toBe('600;w=60');

    for (const bad of [
      { kind: 'publishable', rateLimitPerMinute: 5 },
      { kind: 'secret', rateLimitPerMinute: 0 },
      { kind: 'secret', rateLimitPerMinute: 10_001 },
      { kind: 'secret', rateLimitPerMinute: 2.5 },
      { kind: 'secret', rateLimitPerMinute: '5' },
      { kind: 'secret', rateLimitPerMinute: null },
    ]) {
      const res = await call<{ code: string; errors: Array<{ path: string }> }>(t, 'POST', '/v1/keys', {
        body: bad,
      });
      expect(res.status, JSON.stringify(bad)).toBe(422);
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.errors.map((e) => e.path)).toEqual(['rateLimitPerMinute']);
    }
  });

  it('counts console users on the secret budget, each on their own', async () => {
    t = await createTestApp({ secretRateLimit: 2, catalog: false });
    const { serviceId } = await setupSalon(t, { capacity: 1000 });
    await addUser(t.db, t.businessId, { email: 'owner@example.com' }, t.clock());
    const { cookie } = await signIn(t, 'owner@example.com');
    const book = () => asSession(t, cookie!, 'POST', '/v1/bookings', { service: serviceId, start, customer });
    expect([(await book()).status, (await book()).status]).toEqual([201, 201]);
    const refused = await book();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('ratelimit-policy')).toBe('2;w=60');
    expect((await bookFrom(t, serviceId, t.secretKey)).status).toBe(201);
  });
});

describe('live holds per client, counted in the database', () => {
  it('caps holds placed through two apps together, and forgets the client of an expired hold', async () => {
    t = await createTestApp({ trustProxy: 1, catalog: false });
    const { serviceId } = await setupSalon(t);
    const other = secondApp({ rateLimit: false, trustProxy: 1 });
    const hold = (app: TestApp, at: string) =>
      call<{ id: string }>(app, 'POST', '/v1/holds', {
        key: t.publishableKey,
        headers: { 'X-Forwarded-For': me },
        body: { service: serviceId, start: `2026-03-03T${at}:00Z` },
      });
    const placed = [await hold(t, '09:00'), await hold(other, '10:00'), await hold(t, '11:00')];
    expect(statuses(placed)).toEqual([201, 201, 201]);
    expect((await hold(other, '14:00')).status).toBe(429);
    expect((await hold(t, '14:00')).status).toBe(429);
    const released = await call(other, 'DELETE', `/v1/holds/${placed[1]!.body.id}`, {
      key: t.publishableKey,
    });
    expect(released.status).toBe(204);
    expect((await hold(t, '14:00')).status).toBe(201);

    const hashes = async () =>
      (await t.db.client.execute('SELECT client_hash FROM holds ORDER BY id')).rows.map((r) => r.client_hash);
    expect((await hashes()).every((h) => typeof h === 'string' && /^[0-9a-f]{64}$/.test(h))).toBe(true);
    expect(JSON.stringify(await hashes())).not.toContain(me);
    t.clock.advance(60 * 60_000); // every hold has expired
    expect((await hold(other, '15:00')).status).toBe(201);
    const after = await hashes();
    expect(after.filter((h) => h !== null)).toHaveLength(1);
  });
});

/**
 * @module `GET /v1/availability` answers with an ETag per key and question: `If-None-Match` with it
 * gives a 304 while the answer is unchanged, never once a booking changed it, and never for another
 * key, question or business, even when the bytes are the same.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { seedCatalog } from '../src/services/demo.js';
import { createKey } from '../src/services/keys.js';
import { call, customer } from './fixtures.js';
import { addBusiness, createTestApp, type TestApp } from './helpers.js';

let t: TestApp;
afterEach(async () => t?.close());

const weekday = '2026-03-03';
/** The demo salon is closed on Sundays: every business answers the same bytes for it. */
const sunday = '2026-03-08';

function availability(serviceId: string, date: string, key: string, ifNoneMatch?: string) {
  return call<{ slots: { start: string }[] }>(
    t,
    'GET',
    `/v1/availability?service=${serviceId}&from=${date}&to=${date}`,
    { key, headers: ifNoneMatch === undefined ? {} : { 'If-None-Match': ifNoneMatch } },
  );
}

describe('availability ETag', () => {
  it('answers 304 to its own ETag while nothing changed, and 200 with a new ETag after a booking', async () => {
    t = await createTestApp();
    const haircut = t.catalog!.serviceIds.haircut;
    const first = await availability(haircut, weekday, t.publishableKey);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+\.[0-9a-f]+"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    expect(first.body.slots.length).toBeGreaterThan(0);

    const again = await availability(haircut, weekday, t.publishableKey, etag);
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    // Past the answer cache's life the answer is computed again: same bytes, same tag.
    t.clock.advance(5_000);
    expect((await availability(haircut, weekday, t.publishableKey, etag)).status).toBe(304);

    const start = first.body.slots[0]!.start;
    const booked = await call(t, 'POST', '/v1/bookings', {
      key: t.publishableKey,
      body: { service: haircut, start, customer },
    });
    expect(booked.status).toBe(201);
    const after = await availability(haircut, weekday, t.publishableKey, etag);
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    // Two resources take a haircut: the first start is still offered, with one seat fewer.
    expect(after.body).not.toEqual(first.body);
    expect((await availability(haircut, weekday, t.publishableKey, after.headers.get('etag')!)).status).toBe(
      304,
    );
  });

  it('sends the same bytes and ETag when computed (as text) and when repeated from the cache (as bytes)', async () => {
    t = await createTestApp();
    const path = `/v1/availability?service=${t.catalog!.serviceIds.haircut}&from=${weekday}&to=${weekday}`;
    const headers = { Authorization: `Bearer ${t.publishableKey}` };
    const answers = [];
    for (let i = 0; i < 3; i++) {
      const res = await t.app.request(path, { headers });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/json');
      answers.push({ etag: res.headers.get('etag'), bytes: Buffer.from(await res.arrayBuffer()) });
    }
    expect(JSON.parse(answers[0]!.bytes.toString()).slots.length).toBeGreaterThan(0);
    for (const repeat of answers.slice(1)) {
      expect(repeat.etag).toBe(answers[0]!.etag);
      expect(repeat.bytes.equals(answers[0]!.bytes)).toBe(true);
    }
  });

  it('differs per key and per question, even for the same bytes', async () => {
    t = await createTestApp();
    const haircut = t.catalog!.serviceIds.haircut;
    const other = await t.db.write((tx) =>
      createKey(
        tx,
        t.businessId,
        { kind: 'publishable', label: 'second site', allowedOrigins: ['*'] },
        t.clock(),
      ),
    );
    const mine = await availability(haircut, sunday, t.publishableKey);
    const theirs = await availability(haircut, sunday, other.secret);
    expect(mine.body).toEqual({ timezone: 'Europe/Lisbon', slots: [] });
    expect(theirs.body).toEqual(mine.body);
    expect(theirs.headers.get('etag')).not.toBe(mine.headers.get('etag'));
    expect((await availability(haircut, sunday, other.secret, mine.headers.get('etag')!)).status).toBe(200);

    // Another closed day: the same bytes again, another question.
    const nextSunday = await availability(haircut, '2026-03-15', t.publishableKey);
    expect(nextSunday.body).toEqual(mine.body);
    expect(nextSunday.headers.get('etag')).not.toBe(mine.headers.get('etag'));
    const asked = await availability(haircut, '2026-03-15', t.publishableKey, mine.headers.get('etag')!);
    expect(asked.status).toBe(200);
  });

  it("never answers 304 to another business's ETag", async () => {
    t = await createTestApp();
    const b = await addBusiness(t.db, t.clock());
    const bCatalog = await t.db.write((tx) => seedCatalog(tx, b.businessId, t.clock()));
    const a = await availability(t.catalog!.serviceIds.haircut, sunday, t.publishableKey);
    const theirs = await availability(bCatalog.serviceIds.haircut, sunday, b.publishableKey);
    expect(theirs.status).toBe(200);
    expect(theirs.body).toEqual(a.body);
    const etagOfA = a.headers.get('etag')!;
    expect(theirs.headers.get('etag')).not.toBe(etagOfA);
    const asked = await availability(bCatalog.serviceIds.haircut, sunday, b.publishableKey, etagOfA);
    expect(asked.status).toBe(200);
    expect(asked.body).toEqual({ timezone: 'Europe/Lisbon', slots: [] });
    // And A's own tag still works for A.
    expect(
      (await availability(t.catalog!.serviceIds.haircut, sunday, t.publishableKey, etagOfA)).status,
    ).toBe(304);
  });
});

/**
 * @module Calendar feeds: issued per resource or for the whole business, read by calendar apps at
 * `/feeds/{token}.ics` with no key. What they list (30 days back, pending as TENTATIVE, recent
 * cancellations as CANCELLED, no email or phone), ETag/304, and revocation.
 */
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { calendarFeeds } from '../src/db/schema.js';
import { call, setupSalon, weekdayHours } from './fixtures.js';
import { createTestApp, type TestApp } from './helpers.js';
import { eventFields, parseIcs } from './ical-check.js';

let t: TestApp;
afterEach(async () => t?.close());

type Feed = { url: string; resourceId: string | null; createdAt: string };

const pathOf = (url: string) => new URL(url).pathname;

async function readFeed(url: string, headers: Record<string, string> = {}) {
  return t.app.request(pathOf(url), { headers });
}

async function book(service: string, start: string, name = 'Conceição Gonçalves') {
  const res = await call<{ id: string }>(t, 'POST', '/v1/bookings', {
    body: { service, start, customer: { name, email: 'private@example.com', phone: '+351 912 345 678' } },
  });
  if (res.status !== 201) throw new Error(`booking: ${JSON.stringify(res.body)}`);
  return res.body.id;
}

describe('calendar feeds', () => {
  it('list 30 days back to the horizon, pending as TENTATIVE, recent cancellations as CANCELLED', async () => {
    t = await createTestApp({ now: '2026-03-02T08:00:00Z' });
    await call(t, 'PATCH', '/v1/business', { body: { address: 'Rua Augusta 1, Lisboa' } });
    const salon = await setupSalon(t);
    const pending = await call<{ id: string }>(t, 'POST', '/v1/services', {
      body: {
        name: 'Colour consultation',
        durationMinutes: 30,
        resourceIds: [salon.resourceId],
        requiresConfirmation: true,
      },
    });
    // Made on 2 March: one long past by the time the feed is read, one 17 days back, one cancelled
    // long ago.
    const longPast = await book(salon.serviceId, '2026-03-03T09:00:00Z');
    const recentPast = await book(salon.serviceId, '2026-03-20T09:00:00Z');
    const cancelledLongAgo = await book(salon.serviceId, '2026-04-09T09:00:00Z');
    await call(t, 'POST', `/v1/bookings/${cancelledLongAgo}/cancel`, { body: {} });
    t.clock.set('2026-04-06T08:00:00Z');
    const upcoming = await book(salon.serviceId, '2026-04-07T09:00:00Z');
    const awaiting = await book(pending.body.id, '2026-04-07T13:00:00Z');
    const cancelledNow = await book(salon.serviceId, '2026-04-08T09:00:00Z');
    await call(t, 'POST', `/v1/bookings/${cancelledNow}/cancel`, { body: {} });

    const issued = await call<Feed>(t, 'POST', `/v1/resources/${salon.resourceId}/feed`);
    expect(issued.status).toBe(201);
    expect(issued.body.resourceId).toBe(salon.resourceId);
    expect(issued.body.url).toMatch(/^http:\/\/localhost\/feeds\/fd_cal_[A-Za-z0-9]{32}\.ics$/);

    const res = await readFeed(issued.body.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = await res.text();
    const parsed = parseIcs(text);
    expect(parsed.prop('x-wr-calname')).toBe('Ana — Test Salon');
    expect(text).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT15M\r\n');
    expect(text).toContain('X-PUBLISHED-TTL:PT15M\r\n');
    const events = parsed.events.map(eventFields);
    const byUid = new Map(events.map((e) => [e.uid.replace('@frontdesk', ''), e]));
    expect([...byUid.keys()].sort()).toEqual([recentPast, upcoming, awaiting, cancelledNow].sort());
    expect(byUid.has(longPast)).toBe(false);
    expect(byUid.get(upcoming)).toMatchObject({
      status: 'CONFIRMED',
      summary: 'Conceição Gonçalves — Haircut',
      location: 'Rua Augusta 1, Lisboa',
      startIsUtc: true,
      attendee: null,
    });
    expect(byUid.get(awaiting)?.status).toBe('TENTATIVE');
    expect(byUid.get(cancelledNow)).toMatchObject({ status: 'CANCELLED', sequence: 1 });
    expect(text).not.toContain('private@example.com');
    expect(text).not.toContain('912');
  });

  it('for the whole business lists every resource; a resource feed only its own', async () => {
    t = await createTestApp();
    const salon = await setupSalon(t);
    const bruno = await call<{ id: string }>(t, 'POST', '/v1/resources', {
      body: { name: 'Bruno', hours: weekdayHours },
    });
    const trim = await call<{ id: string }>(t, 'POST', '/v1/services', {
      body: { name: 'Beard trim', durationMinutes: 30, resourceIds: [bruno.body.id] },
    });
    const anas = await book(salon.serviceId, '2026-03-03T09:00:00Z', 'Maria');
    const brunos = await book(trim.body.id, '2026-03-03T09:00:00Z', '王小明');
    const whole = await call<Feed>(t, 'POST', '/v1/feed');
    expect(whole.body.resourceId).toBeNull();
    const all = parseIcs(await (await readFeed(whole.body.url)).text());
    expect(all.prop('x-wr-calname')).toBe('Test Salon');
    const events = all.events.map(eventFields);
    expect(events.map((e) => e.uid).sort()).toEqual([`${anas}@frontdesk`, `${brunos}@frontdesk`].sort());
    expect(events.find((e) => e.uid.startsWith(brunos))).toMatchObject({
      summary: '王小明 — Beard trim',
      description: 'Bruno',
    });
    const onlyBruno = await call<Feed>(t, 'POST', `/v1/resources/${bruno.body.id}/feed`);
    const mine = parseIcs(await (await readFeed(onlyBruno.body.url)).text());
    expect(mine.events.map((e) => eventFields(e).uid)).toEqual([`${brunos}@frontdesk`]);
  });

  it('answers 304 while nothing changed, and a new ETag once something did', async () => {
    t = await createTestApp();
    const salon = await setupSalon(t);
    await book(salon.serviceId, '2026-03-03T09:00:00Z');
    const feed = await call<Feed>(t, 'POST', '/v1/feed');
    const first = await readFeed(feed.body.url);
    const etag = first.headers.get('etag')!;
    const zipped = await readFeed(feed.body.url, { 'Accept-Encoding': 'gzip, br' });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('etag')).toBe(etag);
    expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8')).toBe(await first.text());
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    t.clock.advance(60_000);
    const again = await readFeed(feed.body.url, { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');
    expect((await readFeed(feed.body.url, { 'If-None-Match': `W/${etag}, "other"` })).status).toBe(304);
    await book(salon.serviceId, '2026-03-03T10:00:00Z');
    const changed = await readFeed(feed.body.url, { 'If-None-Match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    // Renaming the service changes every summary.
    await call(t, 'PATCH', `/v1/services/${salon.serviceId}`, { body: { name: 'Corte' } });
    const renamed = await readFeed(feed.body.url, { 'If-None-Match': changed.headers.get('etag')! });
    expect(renamed.status).toBe(200);
    expect(await renamed.text()).toContain('SUMMARY:Conceição Gonçalves — Corte');
    // With nothing changed but time, bookings leave the window 30 days after their start.
    t.clock.set('2026-04-03T08:00:00Z');
    const later = parseIcs(await (await readFeed(feed.body.url)).text());
    expect(later.events).toHaveLength(0);
  });

  it('stores tokens hashed; revoked, replaced, wrong and malformed tokens are 404', async () => {
    t = await createTestApp();
    const salon = await setupSalon(t);
    const first = await call<Feed>(t, 'POST', `/v1/resources/${salon.resourceId}/feed`);
    const token = /\/feeds\/(.+)\.ics$/.exec(first.body.url)![1]!;
    const stored = await t.db.db.select().from(calendarFeeds);
    expect(JSON.stringify(stored)).not.toContain(token);

    const second = await call<Feed>(t, 'POST', `/v1/resources/${salon.resourceId}/feed`);
    expect(second.body.url).not.toBe(first.body.url);
    expect((await readFeed(first.body.url)).status).toBe(404);
    expect((await readFeed(second.body.url)).status).toBe(200);

    expect((await call(t, 'DELETE', `/v1/resources/${salon.resourceId}/feed`)).status).toBe(204);
    const revoked = await readFeed(second.body.url);
    expect(revoked.status).toBe(404);
    expect(revoked.headers.get('content-type')).toBe('application/problem+json');
    // Revoking the business feed does not touch resource feeds, and revoking twice is fine.
    const third = await call<Feed>(t, 'POST', `/v1/resources/${salon.resourceId}/feed`);
    expect((await call(t, 'DELETE', '/v1/feed')).status).toBe(204);
    expect((await call(t, 'DELETE', '/v1/feed')).status).toBe(204);
    expect((await readFeed(third.body.url)).status).toBe(200);

    const wrong = `/feeds/fd_cal_${'A'.repeat(32)}.ics`;
    for (const path of [
      wrong,
      `/feeds/${token}`,
      '/feeds/x.ics',
      `/feeds/${token}.ics.ics`,
      '/feeds/%00.ics',
    ]) {
      const res = await t.app.request(path);
      expect(res.status, path).toBe(404);
    }
  });

  it('are listed live and revoked, oldest first, never with their URLs', async () => {
    t = await createTestApp({ now: '2026-03-02T08:00:00Z' });
    const salon = await setupSalon(t);
    const business = await call<Feed>(t, 'POST', '/v1/feed');
    t.clock.advance(60_000);
    const first = await call<Feed>(t, 'POST', `/v1/resources/${salon.resourceId}/feed`);
    t.clock.advance(60_000);
    // Replaces the first: that one is listed as revoked from now.
    await call<Feed>(t, 'POST', `/v1/resources/${salon.resourceId}/feed`);
    t.clock.advance(60_000);
    expect((await call(t, 'DELETE', '/v1/feed')).status).toBe(204);

    type Summary = { id: string; resourceId: string | null; createdAt: string; revokedAt: string | null };
    const listed = await call<{ data: Summary[]; nextCursor: string | null }>(t, 'GET', '/v1/feeds');
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((f) => [f.resourceId, f.createdAt, f.revokedAt])).toEqual([
      [null, '2026-03-02T08:00:00Z', '2026-03-02T08:03:00Z'],
      [salon.resourceId, '2026-03-02T08:01:00Z', '2026-03-02T08:02:00Z'],
      [salon.resourceId, '2026-03-02T08:02:00Z', null],
    ]);
    const text = JSON.stringify(listed.body);
    for (const issued of [business, first]) {
      expect(text).not.toContain(/\/feeds\/(.+)\.ics$/.exec(issued.body.url)![1]!);
    }
    const paged = await call<{ data: Summary[]; nextCursor: string }>(t, 'GET', '/v1/feeds?limit=2');
    expect(paged.body.data).toHaveLength(2);
    const rest = await call<{ data: Summary[] }>(t, 'GET', `/v1/feeds?cursor=${paged.body.nextCursor}`);
    expect(rest.body.data.map((f) => f.revokedAt)).toEqual([null]);
    expect((await call(t, 'GET', '/v1/feeds', { key: t.publishableKey })).status).toBe(403);
    expect((await call(t, 'GET', '/v1/feeds?limit=0')).status).toBe(422);
  });

  it('are issued with a secret key only, for resources of the same business', async () => {
    t = await createTestApp();
    const salon = await setupSalon(t);
    expect((await call(t, 'POST', '/v1/feed', { key: t.publishableKey })).status).toBe(403);
    expect(
      (await call(t, 'POST', `/v1/resources/${salon.resourceId}/feed`, { key: t.publishableKey })).status,
    ).toBe(403);
    expect((await call(t, 'POST', '/v1/resources/res_nope/feed')).status).toBe(404);
    expect((await call(t, 'DELETE', '/v1/resources/res_nope/feed')).status).toBe(404);
  });
});

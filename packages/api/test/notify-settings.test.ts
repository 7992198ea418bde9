/**
 * @module The settings notifications are built from: the business's booking page, slug, address,
 * notify address and reminders, per-service reminders, and the customer's language and zone on
 * bookings and reservations. Bad values are 422 problems; nothing here is ever a 5xx.
 */

import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { businesses } from '../src/db/schema.js';
import { seedDemo } from '../src/services/demo.js';
import { call, customer, setupSalon } from './fixtures.js';
import { addBusiness, createTestApp, type TestApp } from './helpers.js';
import { createStockTestApp } from './stock-fixtures.js';

let t: TestApp;
afterEach(async () => t?.close());

type Problem = { code: string; errors?: { path: string; code: string }[] };

describe('business notification settings', () => {
  it('starts with one reminder a day before and no page, address or notify address', async () => {
    t = await createTestApp();
    const res = await call(t, 'GET', '/v1/business');
    expect(res.body).toMatchObject({
      bookingPageUrl: null,
      address: null,
      notifyEmail: null,
      reminders: [{ offsetMinutes: 1440 }],
    });
  });

  it('stores the settings, shows notifyEmail only to secret keys, and clears with null', async () => {
    t = await createTestApp();
    const patch = {
      slug: 'salao-lisboa',
      bookingPageUrl: 'https://salon.example/book?src=mail',
      address: 'Rua Augusta 1\n1100-048 Lisboa',
      notifyEmail: 'owner@salon.example',
      reminders: [{ offsetMinutes: 2880 }, { offsetMinutes: 120 }],
    };
    const saved = await call(t, 'PATCH', '/v1/business', { body: patch });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject(patch);
    const asSecret = await call(t, 'GET', '/v1/business');
    expect(asSecret.body).toMatchObject(patch);
    const asPublic = await call(t, 'GET', '/v1/business', { key: t.publishableKey });
    expect(asPublic.body).toMatchObject({ slug: 'salao-lisboa', address: patch.address });
    expect(asPublic.body).not.toHaveProperty('notifyEmail');

    const cleared = await call(t, 'PATCH', '/v1/business', {
      body: { bookingPageUrl: null, address: null, notifyEmail: null, reminders: [] },
    });
    expect(cleared.body).toMatchObject({
      slug: 'salao-lisboa',
      bookingPageUrl: null,
      address: null,
      notifyEmail: null,
      reminders: [],
    });
  });

  it('accepts http:// booking pages only on localhost', async () => {
    t = await createTestApp();
    for (const url of ['http://localhost:3000/book', 'http://127.0.0.1:8080/', 'https://a.example/x?y=1']) {
      const res = await call(t, 'PATCH', '/v1/business', { body: { bookingPageUrl: url } });
      expect(res.status, url).toBe(200);
    }
    for (const url of [
      'http://salon.example/book',
      'javascript:alert(1)',
      'ftp://salon.example/',
      'https://user:pass@salon.example/',
      'https://salon.example/book#top',
      '/book',
      `https://salon.example/${'x'.repeat(2000)}`,
    ]) {
      const res = await call<Problem>(t, 'PATCH', '/v1/business', { body: { bookingPageUrl: url } });
      expect(res.status, url).toBe(422);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(res.body.errors?.[0]?.path).toBe('bookingPageUrl');
    }
  });

  it('keeps slugs unique across the server and well-formed', async () => {
    t = await createTestApp();
    const other = await addBusiness(t.db, t.clock());
    const otherT = { ...t, secretKey: other.secretKey };
    expect((await call(t, 'PATCH', '/v1/business', { body: { slug: 'bike-shop' } })).status).toBe(200);
    const clash = await call<Problem>(otherT, 'PATCH', '/v1/business', { body: { slug: 'bike-shop' } });
    expect(clash.status).toBe(422);
    expect(clash.body.errors).toEqual([expect.objectContaining({ path: 'slug', code: 'taken' })]);
    // Setting your own slug again is no clash.
    expect((await call(t, 'PATCH', '/v1/business', { body: { slug: 'bike-shop' } })).status).toBe(200);
    for (const slug of [
      '',
      'Bike-Shop',
      '-bike',
      'bike-',
      'bike shop',
      'b'.repeat(61),
      'bike/shop',
      'ß-shop',
    ]) {
      const res = await call(otherT, 'PATCH', '/v1/business', { body: { slug } });
      expect(res.status, slug).toBe(422);
    }
    expect((await call(otherT, 'PATCH', '/v1/business', { body: { slug: 'a'.repeat(60) } })).status).toBe(
      200,
    );
  });

  it('refuses reminder lists that are too long, repeated or out of range', async () => {
    t = await createTestApp();
    const bad = [
      [{ offsetMinutes: 60 }, { offsetMinutes: 120 }, { offsetMinutes: 180 }, { offsetMinutes: 240 }],
      [{ offsetMinutes: 60 }, { offsetMinutes: 60 }],
      [{ offsetMinutes: 4 }],
      [{ offsetMinutes: 30 * 24 * 60 + 1 }],
      [{ offsetMinutes: 90.5 }],
      [{ offsetMinutes: -60 }],
      [{ offset: 60 }],
      null,
    ];
    for (const reminders of bad) {
      const res = await call(t, 'PATCH', '/v1/business', { body: { reminders } });
      expect(res.status, JSON.stringify(reminders)).toBe(422);
    }
    const edge = [{ offsetMinutes: 5 }, { offsetMinutes: 30 * 24 * 60 }];
    expect((await call(t, 'PATCH', '/v1/business', { body: { reminders: edge } })).body).toMatchObject({
      reminders: edge,
    });
  });

  it('refuses line breaks in the names that end up in mail headers', async () => {
    t = await createTestApp();
    const salon = await setupSalon(t);
    for (const name of ['Salon\r\nBcc: victim@example.com', 'Salon\nX', 'Salon\rX', 'Salon\u0000X']) {
      expect((await call(t, 'PATCH', '/v1/business', { body: { name } })).status).toBe(422);
      expect((await call(t, 'PATCH', `/v1/services/${salon.serviceId}`, { body: { name } })).status).toBe(
        422,
      );
      const booking = await call(t, 'POST', '/v1/bookings', {
        body: { service: salon.serviceId, start: '2026-03-03T09:00:00Z', customer: { ...customer, name } },
      });
      expect(booking.status).toBe(422);
    }
  });
});

describe('per-service reminders', () => {
  it('default to the business list (null), may be none ([]) or their own', async () => {
    t = await createTestApp();
    const salon = await setupSalon(t, { reminders: [] });
    const made = await call(t, 'GET', `/v1/services/${salon.serviceId}`);
    expect(made.body.reminders).toEqual([]);
    const klass = await call(t, 'GET', `/v1/services/${salon.classId}`);
    expect(klass.body.reminders).toBeNull();
    const own = await call(t, 'PATCH', `/v1/services/${salon.classId}`, {
      body: { reminders: [{ offsetMinutes: 180 }] },
    });
    expect(own.body.reminders).toEqual([{ offsetMinutes: 180 }]);
    const tooMany = await call(t, 'PATCH', `/v1/services/${salon.classId}`, {
      body: { reminders: [60, 120, 180, 240].map((offsetMinutes) => ({ offsetMinutes })) },
    });
    expect(tooMany.status).toBe(422);
  });
});

describe('the customer language and zone', () => {
  it('are stored with a booking and shown back', async () => {
    t = await createTestApp();
    const salon = await setupSalon(t);
    const made = await call(t, 'POST', '/v1/bookings', {
      key: t.publishableKey,
      body: {
        service: salon.serviceId,
        start: '2026-03-03T09:00:00Z',
        customer: { ...customer, timeZone: 'America/Sao_Paulo' },
        locale: 'pt-BR',
      },
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ locale: 'pt-BR', customer: { timeZone: 'America/Sao_Paulo' } });
    const read = await call(t, 'GET', `/v1/bookings/${made.body.id}`);
    expect(read.body).toMatchObject({ locale: 'pt-BR', customer: { timeZone: 'America/Sao_Paulo' } });

    const without = await call(t, 'POST', '/v1/bookings', {
      body: { service: salon.serviceId, start: '2026-03-03T10:00:00Z', customer },
    });
    expect(without.body.locale).toBeNull();
    expect(without.body.customer).not.toHaveProperty('timeZone');
  });

  it('refuses unknown zones and malformed languages', async () => {
    t = await createTestApp();
    const salon = await setupSalon(t);
    const cases = [
      { locale: 'not a language' },
      { locale: `en-${'a'.repeat(40)}` },
      { customer: { ...customer, timeZone: 'Mars/Olympus' } },
    ];
    for (const extra of cases) {
      const res = await call(t, 'POST', '/v1/bookings', {
        body: { service: salon.serviceId, start: '2026-03-03T09:00:00Z', customer, ...extra },
      });
      expect(res.status, JSON.stringify(extra)).toBe(422);
    }
  });

  it('are stored with a reservation', async () => {
    const s = await createStockTestApp();
    t = s;
    await s.adjust({ eventId: 'count-1', sku: 'HELMET-M', locationId: 'lisbon', set: 5 });
    const made = await s.call<{ id: string; locale: string; customer: { timeZone?: string } }>(
      'POST',
      '/v1/reservations',
      {
        sku: 'HELMET-M',
        locationId: 'lisbon',
        quantity: 1,
        customer: { ...customer, timeZone: 'Europe/Berlin' },
        locale: 'de',
      },
      s.publishableKey,
    );
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ locale: 'de', customer: { timeZone: 'Europe/Berlin' } });
  });
});

describe('seed --demo', () => {
  it('gives the demo business the slug of its hosted page, also on a re-run', async () => {
    t = await createTestApp({ catalog: false });
    const first = await seedDemo(t.db, t.clock());
    const demo = { ...t, secretKey: first.secretKey };
    expect((await call(demo, 'GET', '/v1/business')).body.slug).toBe('salao-lisboa');
    // A demo seeded before businesses had slugs.
    await t.db.write((tx) =>
      tx.update(businesses).set({ slug: null }).where(eq(businesses.id, first.businessId)),
    );
    const again = await seedDemo(t.db, t.clock());
    expect((await call({ ...t, secretKey: again.secretKey }, 'GET', '/v1/business')).body.slug).toBe(
      'salao-lisboa',
    );
  });
});

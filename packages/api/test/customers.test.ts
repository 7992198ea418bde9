/**
 * @module Customers as a business sees them: derived from bookings and reservations by email in any
 * casing, searchable, with counts and history, notes of the business, an export holding every row
 * of that customer and nothing of anyone else (another customer, or the same email at another
 * business); owners and secret keys only, and bad paths answered with a 4xx problem.
 */
import type { CustomerDetail, CustomerExport, CustomerSummary, Problem } from '@frontdesk/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedCatalog } from '../src/services/demo.js';
import { customerPath, joao, openShop, type Shop, zelda, zeldaLower } from './customer-fixtures.js';
import { addBusiness } from './helpers.js';
import { addUser, asSession, signIn } from './session-helpers.js';

let shop: Shop;
beforeEach(async () => {
  shop = await openShop();
});
afterEach(async () => shop.t.close());

type List = { data: CustomerSummary[]; nextCursor: string | null };

describe('GET /v1/customers', () => {
  it('lists one customer per email whatever its casing, with her latest details and counts', async () => {
    const res = await shop.t.call<List>('GET', '/v1/customers');
    expect(res.status).toBe(200);
    expect(res.body.data.map((c) => c.email)).toEqual([joao.email, zeldaLower]);
    expect(res.body.data[1]).toEqual({
      email: zeldaLower,
      name: zelda.name,
      phone: zelda.phone,
      bookings: 4,
      visits: 1,
      cancellations: 1,
      noShows: 1,
      reservations: 2,
      firstVisit: '2026-03-03T10:00:00Z',
      lastVisit: '2026-03-03T10:00:00Z',
      lastSeenAt: '2026-03-02T08:00:00Z',
    });
    expect(res.body.data[0]).toMatchObject({ name: joao.name, bookings: 1, visits: 0, reservations: 1 });
  });

  it('searches names, emails and phone numbers (spaces ignored), on any of their rows', async () => {
    const emails = async (q: string) =>
      (await shop.t.call<List>('GET', `/v1/customers?q=${encodeURIComponent(q)}`)).body.data.map(
        (c) => c.email,
      );
    expect(await emails('quintan')).toEqual([zeldaLower]);
    expect(await emails('ZELDA Q.')).toEqual([zeldaLower]); // a name she used once
    expect(await emails('TAVARES@EXAMPLE')).toEqual([joao.email]);
    expect(await emails('934567')).toEqual([zeldaLower]);
    expect(await emails('211-000')).toEqual([joao.email]);
    expect(await emails('example')).toEqual([joao.email, zeldaLower]);
    expect(await emails('nobody')).toEqual([]);
    // LIKE's wildcards are text like any other.
    expect(await emails('%')).toEqual([]);
  });

  it('pages by email with an opaque cursor', async () => {
    const first = await shop.t.call<List>('GET', '/v1/customers?limit=1');
    expect(first.body.data.map((c) => c.email)).toEqual([joao.email]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await shop.t.call<List>('GET', `/v1/customers?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body).toMatchObject({ data: [{ email: zeldaLower }], nextCursor: null });
  });
});

describe('GET /v1/customers/{email}', () => {
  it('answers the history, newest first, under any casing of the email', async () => {
    const res = await shop.t.call<CustomerDetail>('GET', customerPath('ZELDA.quintanilha@example.ORG'));
    expect(res.status).toBe(200);
    const { completed, noShow, cancelled, upcoming } = shop.zeldaBookings;
    expect(res.body.history.bookings.map((b) => [b.id, b.status])).toEqual([
      [upcoming.id, 'confirmed'],
      [cancelled.id, 'cancelled'],
      [noShow.id, 'no_show'],
      [completed.id, 'completed'],
    ]);
    expect(res.body.history.reservations.map((r) => [r.id, r.status]).sort()).toEqual(
      [
        [shop.zeldaReservations.collected.id, 'collected'],
        [shop.zeldaReservations.active.id, 'expired'],
      ].sort(),
    );
    expect(res.body).toMatchObject({
      visits: 1,
      noShows: 1,
      cancellations: 1,
      notes: { notes: '', updatedAt: null },
    });
  });

  it('answers 404 for an email the business does not know, 422 problem+json for a malformed one', async () => {
    const unknown = await shop.t.app.request(customerPath('someone@example.org'), {
      headers: { Authorization: `Bearer ${shop.t.secretKey}` },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toBe('application/problem+json');
    for (const bad of ['not-an-email', 'a@', '@b.c', 'x'.repeat(250) + '@example.org']) {
      for (const rest of ['', '/export', '/erase', '/notes']) {
        const method = rest === '/erase' ? 'POST' : rest === '/notes' ? 'PUT' : 'GET';
        const res = await shop.t.call<Problem>(
          method,
          customerPath(bad, rest),
          rest === '/notes' ? { notes: 'x' } : undefined,
        );
        expect(res.status, `${method} ${bad}${rest}`).toBe(422);
        expect(res.body).toMatchObject({ code: 'validation_failed', errors: [{ path: 'email' }] });
      }
    }
  });

  it('is the business’s: a publishable key and a staff session are refused, an owner session reads it', async () => {
    const { t } = shop;
    const publishable = await t.call<Problem>('GET', customerPath(zeldaLower), undefined, t.publishableKey);
    expect(publishable.status).toBe(403);
    expect((await t.call<Problem>('GET', '/v1/customers', undefined, t.publishableKey)).status).toBe(403);
    await addUser(t.db, t.businessId, { email: 'owner@salon.test', role: 'owner' }, t.clock());
    await addUser(
      t.db,
      t.businessId,
      { email: 'ana@salon.test', role: 'staff', resourceIds: [t.catalog!.resourceIds.ana] },
      t.clock(),
    );
    const owner = (await signIn(t, 'owner@salon.test')).cookie!;
    const staff = (await signIn(t, 'ana@salon.test')).cookie!;
    expect((await asSession(t, owner, 'GET', customerPath(zeldaLower))).status).toBe(200);
    for (const [method, path] of [
      ['GET', '/v1/customers'],
      ['GET', customerPath(zeldaLower)],
      ['GET', customerPath(zeldaLower, '/export')],
      ['POST', customerPath(zeldaLower, '/erase')],
      ['PUT', customerPath(zeldaLower, '/notes')],
    ] as const) {
      const res = await asSession(t, staff, method, path, method === 'PUT' ? { notes: 'x' } : undefined);
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    expect((await t.call('GET', customerPath(zeldaLower))).body).toMatchObject({ name: zelda.name });
  });
});

describe('PUT /v1/customers/{email}/notes', () => {
  it('keeps the business’s notes per customer, whatever casing names her', async () => {
    const put = await shop.t.call('PUT', customerPath(zelda.email, '/notes'), {
      notes: 'Likes a quiet chair',
    });
    expect(put).toMatchObject({
      status: 200,
      body: { notes: 'Likes a quiet chair', updatedAt: '2026-03-03T16:00:00Z' },
    });
    const read = await shop.t.call<CustomerDetail>('GET', customerPath(zeldaLower));
    expect(read.body.notes.notes).toBe('Likes a quiet chair');
    expect((await shop.t.call<CustomerDetail>('GET', customerPath(joao.email))).body.notes.notes).toBe('');
    expect(
      (await shop.t.call('PUT', customerPath('nobody@example.org', '/notes'), { notes: 'x' })).status,
    ).toBe(404);
    expect((await shop.t.call('PUT', customerPath(zeldaLower, '/notes'), { notes: 1 })).status).toBe(422);
  });
});

describe('GET /v1/customers/{email}/export', () => {
  it('holds every booking and reservation of the customer and nothing of anyone else', async () => {
    const { t } = shop;
    // The same email at another business, with a booking of its own there.
    const other = await addBusiness(t.db, t.clock(), 'Other salon');
    const otherCatalog = await t.db.write((tx) => seedCatalog(tx, other.businessId, t.clock()));
    const elsewhere = await t.call<{ id: string }>(
      'POST',
      '/v1/bookings',
      {
        service: otherCatalog.serviceIds.haircut,
        start: '2026-03-05T10:00:00Z',
        customer: { ...zelda, name: 'Zelda Elsewhere' },
      },
      other.publishableKey,
    );
    expect(elsewhere.status).toBe(201);
    await t.call('PUT', customerPath(zeldaLower, '/notes'), { notes: 'Zelda note' });

    const res = await t.app.request(customerPath(zelda.email, '/export'), {
      headers: { Authorization: `Bearer ${t.secretKey}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="customer-export-[\d-]+\.json"$/,
    );
    const data = (await res.json()) as CustomerExport;
    const { completed, noShow, cancelled, upcoming } = shop.zeldaBookings;
    expect(data.bookings.map((b) => b.id).sort()).toEqual(
      [completed.id, noShow.id, cancelled.id, upcoming.id].sort(),
    );
    expect(data.reservations.map((r) => r.id).sort()).toEqual(
      [shop.zeldaReservations.collected.id, shop.zeldaReservations.active.id].sort(),
    );
    expect(data).toMatchObject({
      business: { id: t.businessId, name: 'Test Salon' },
      email: zeldaLower,
      names: [zelda.name, 'Zelda Q.'],
      phones: [zelda.phone],
      notes: { notes: 'Zelda note' },
    });
    const answered = data.bookings.find((b) => b.id === cancelled.id)!;
    expect(answered).toMatchObject({
      answers: { allergies: 'Zelda allergic to peroxide' },
      notes: 'Zelda prefers mornings',
      cancelReason: 'Zelda has the flu',
    });
    expect(data.bookings.find((b) => b.id === completed.id)?.internalNotes).toBe('Zelda tips well');
    // The event log of her rows, and only of them.
    const mine = new Set([...data.bookings.map((b) => b.id), ...data.reservations.map((r) => r.id)]);
    expect(data.events.length).toBeGreaterThanOrEqual(8);
    expect(data.events.every((e) => mine.has(e.subjectId))).toBe(true);
    expect(data.events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['booking.created', 'booking.completed', 'reservation.collected']),
    );
    // Nothing of João, nothing of the other business.
    const text = JSON.stringify(data);
    for (const absent of [
      joao.email,
      joao.name,
      shop.joaoBooking.id,
      shop.joaoReservation.id,
      elsewhere.body.id,
      'Zelda Elsewhere',
      other.businessId,
    ]) {
      expect(text).not.toContain(absent);
    }
    // The other business exports its own Zelda: one booking.
    const theirs = await t.call<CustomerExport>(
      'GET',
      customerPath(zeldaLower, '/export'),
      undefined,
      other.secretKey,
    );
    expect(theirs.body.bookings.map((b) => b.id)).toEqual([elsewhere.body.id]);
    expect(theirs.body.reservations).toEqual([]);
  });
});

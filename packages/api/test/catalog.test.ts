/**
 * @module Services, resources and schedules, and how they shape availability.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { call, customer, setupSalon } from './fixtures.js';
import { createTestApp, type TestApp } from './helpers.js';

let t: TestApp;
afterEach(async () => t?.close());

const slotsOn = async (serviceId: string, date: string) =>
  (
    await call<{ slots: { start: string }[] }>(
      t,
      'GET',
      `/v1/availability?service=${serviceId}&from=${date}&to=${date}`,
      {
        key: t.publishableKey,
      },
    )
  ).body.slots.map((s) => s.start);

describe('catalog and schedules', () => {
  it('overrides, time off and closures shape availability; removing them restores it', async () => {
    t = await createTestApp({ catalog: false });
    const salon = await setupSalon(t);
    const r = `/v1/resources/${salon.resourceId}`;
    expect(await slotsOn(salon.serviceId, '2026-03-03')).toHaveLength(14);

    const override = await call<{ id: string }>(t, 'POST', `${r}/overrides`, {
      body: { date: '2026-03-03', intervals: [{ start: '10:00', end: '11:00' }] },
    });
    expect(override.status).toBe(201);
    expect(await slotsOn(salon.serviceId, '2026-03-03')).toEqual([
      '2026-03-03T10:00:00Z',
      '2026-03-03T10:30:00Z',
    ]);
    // Setting the same date again replaces it.
    await call(t, 'POST', `${r}/overrides`, { body: { date: '2026-03-03', intervals: [] } });
    expect(await slotsOn(salon.serviceId, '2026-03-03')).toEqual([]);
    const overrides = await call<{ data: { id: string }[] }>(t, 'GET', `${r}/overrides`);
    expect(overrides.body.data).toHaveLength(1);
    expect((await call(t, 'DELETE', `${r}/overrides/${overrides.body.data[0]!.id}`)).status).toBe(204);
    expect(await slotsOn(salon.serviceId, '2026-03-03')).toHaveLength(14);

    const off = await call<{ id: string }>(t, 'POST', `${r}/time-off`, {
      body: { start: '2026-03-03T09:00:00Z', end: '2026-03-03T12:00:00Z', reason: 'dentist' },
    });
    expect(off.status).toBe(201);
    expect(await slotsOn(salon.serviceId, '2026-03-03')).toHaveLength(8);
    expect((await call(t, 'DELETE', `${r}/time-off/${off.body.id}`)).status).toBe(204);

    const closure = await call<{ id: string }>(t, 'POST', '/v1/closures', {
      body: { startDate: '2026-03-03', endDate: '2026-03-04', reason: 'holiday' },
    });
    expect(await slotsOn(salon.serviceId, '2026-03-03')).toEqual([]);
    expect(await slotsOn(salon.serviceId, '2026-03-04')).toEqual([]);
    expect((await call(t, 'DELETE', `/v1/closures/${closure.body.id}`)).status).toBe(204);
    expect(await slotsOn(salon.serviceId, '2026-03-04')).toHaveLength(16);

    await call(t, 'PUT', `${r}/hours`, { body: { tue: [{ start: '09:00', end: '10:00' }] } });
    expect(await slotsOn(salon.serviceId, '2026-03-03')).toEqual([
      '2026-03-03T09:00:00Z',
      '2026-03-03T09:30:00Z',
    ]);
  });

  it('refuses to delete a service or resource with upcoming bookings, hides inactive ones from pk', async () => {
    t = await createTestApp({ catalog: false });
    const salon = await setupSalon(t);
    await call(t, 'POST', '/v1/bookings', {
      body: { service: salon.serviceId, start: '2026-03-03T09:00:00Z', customer },
    });
    const delService = await call(t, 'DELETE', `/v1/services/${salon.serviceId}`);
    expect(delService.status).toBe(409);
    expect(delService.body).toMatchObject({ code: 'invalid_state' });
    expect((await call(t, 'DELETE', `/v1/resources/${salon.resourceId}`)).status).toBe(409);
    // Deactivating works and hides it from publishable keys.
    const off = await call(t, 'PATCH', `/v1/services/${salon.serviceId}`, { body: { active: false } });
    expect(off.body).toMatchObject({ active: false });
    expect((await call(t, 'GET', `/v1/services/${salon.serviceId}`, { key: t.publishableKey })).status).toBe(
      404,
    );
    const pkList = await call<{ data: { id: string }[] }>(t, 'GET', '/v1/services', {
      key: t.publishableKey,
    });
    expect(pkList.body.data.map((s) => s.id)).toEqual([salon.classId]);
    // A service without bookings is deleted.
    expect((await call(t, 'DELETE', `/v1/services/${salon.classId}`)).status).toBe(204);
    expect((await call(t, 'GET', `/v1/services/${salon.classId}`)).status).toBe(404);
    const events = await call<{ data: { type: string }[] }>(t, 'GET', '/v1/events');
    expect(events.body.data.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'resource.created',
        'service.created',
        'booking.created',
        'service.updated',
        'service.deleted',
      ]),
    );
  });

  it('pages lists with cursors and validates service input', async () => {
    t = await createTestApp({ catalog: false });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push((await call<{ id: string }>(t, 'POST', '/v1/resources', { body: { name: `R${i}` } })).body.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { data: { id: string }[]; nextCursor: string | null } } = await call(
        t,
        'GET',
        `/v1/resources?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.data.map((r) => r.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids);

    const select = await call<{ errors: { path: string }[] }>(t, 'POST', '/v1/services', {
      body: {
        name: 'Q',
        durationMinutes: 30,
        resourceIds: [ids[0]],
        questions: [{ id: 'a', label: 'A', type: 'select' }],
      },
    });
    expect(select.status).toBe(422);
    expect(select.body.errors[0]!.path).toBe('questions.0.options');
    const created = await call(t, 'POST', '/v1/services', {
      body: {
        name: 'Q',
        durationMinutes: 45,
        resourceIds: [ids[0]],
        price: { amount: 2500, currency: 'EUR' },
      },
    });
    expect(created.body).toMatchObject({
      slotIntervalMinutes: 45,
      capacity: 1,
      price: { amount: 2500, currency: 'EUR' },
    });
  });

  it('updates the business, and holds follow its holdMinutes', async () => {
    t = await createTestApp({ catalog: false });
    const salon = await setupSalon(t);
    const patched = await call(t, 'PATCH', '/v1/business', { body: { name: 'New name', holdMinutes: 3 } });
    expect(patched.body).toMatchObject({ name: 'New name', holdMinutes: 3 });
    // An empty patch changes nothing (found by the fuzz test: it used to be a 500).
    const empty = await call(t, 'PATCH', '/v1/business', { body: {} });
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ name: 'New name' });
    const hold = await call<{ id: string; expiresAt: string }>(t, 'POST', '/v1/holds', {
      key: t.publishableKey,
      body: { service: salon.serviceId, start: '2026-03-03T09:00:00Z' },
    });
    expect(hold.body.expiresAt).toBe('2026-03-02T08:03:00Z');
    expect((await call(t, 'DELETE', `/v1/holds/${hold.body.id}`, { key: t.publishableKey })).status).toBe(
      204,
    );
    expect(await slotsOn(salon.serviceId, '2026-03-03')).toContain('2026-03-03T09:00:00Z');
  });
});

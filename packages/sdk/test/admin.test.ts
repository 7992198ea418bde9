/**
 * @module The business's setup calls (secret key) against the real API: business settings,
 * services, resources with hours, date overrides and time off, closures, keys — each one changes
 * what customers see, which is what these tests check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticationError, createClient, NotFoundError, PermissionError } from '../src/index.js';
import { createSalon, day } from './fixtures.js';
import { type Bench, baseUrl, startBench, stopBench } from './harness.js';

let bench: Bench;
let salon: Awaited<ReturnType<typeof createSalon>>;
beforeAll(async () => {
  bench = await startBench();
  salon = await createSalon(bench.admin);
});
afterAll(() => stopBench(bench));

const startsOn = async (service: string, date = day) =>
  (await bench.public.availability.get({ service, from: date, to: date })).slots.map((s) => s.start);

describe('setup through the SDK', () => {
  it('business settings round-trip', async () => {
    const updated = await bench.admin.business.update({ name: 'Salon Ana', holdMinutes: 12 });
    expect(updated).toMatchObject({ name: 'Salon Ana', holdMinutes: 12 });
    await expect(bench.public.business.get()).resolves.toMatchObject({
      name: 'Salon Ana',
      timezone: 'Europe/Lisbon',
    });
  });

  it('services: create, get, update, and a deactivated one disappears for customers', async () => {
    const created = await salon.service({ name: 'Massage', price: { amount: 4500, currency: 'EUR' } });
    expect(created).toMatchObject({ name: 'Massage', capacity: 1, active: true, slotIntervalMinutes: 30 });
    await expect(bench.public.services.get(created.id)).resolves.toMatchObject({ price: { amount: 4500 } });
    await bench.admin.services.update(created.id, { active: false });
    const visible = (await bench.public.services.list()).data.map((s) => s.id);
    expect(visible).not.toContain(created.id);
    await bench.admin.services.delete(created.id);
    await expect(bench.admin.services.get(created.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('hours, overrides and time off shape availability', async () => {
    const haircut = await salon.service();
    const ana = salon.ana.id;
    expect((await startsOn(haircut.id)).at(0)).toBe('2026-03-03T09:00:00Z');

    const resource = await bench.admin.resources.hours.set(ana, {
      mon: [{ start: '09:00', end: '17:00' }],
      tue: [{ start: '14:00', end: '16:00' }],
    });
    expect(resource.hours.tue).toEqual([{ start: '14:00', end: '16:00' }]);
    expect(await startsOn(haircut.id)).toEqual([
      '2026-03-03T14:00:00Z',
      '2026-03-03T14:30:00Z',
      '2026-03-03T15:00:00Z',
      '2026-03-03T15:30:00Z',
    ]);

    const override = await bench.admin.resources.overrides.create(ana, { date: day, intervals: [] });
    expect(await startsOn(haircut.id)).toEqual([]);
    expect((await bench.admin.resources.overrides.list(ana)).data.map((o) => o.id)).toEqual([override.id]);
    await bench.admin.resources.overrides.delete(ana, override.id);
    expect(await startsOn(haircut.id)).toHaveLength(4);

    const off = await bench.admin.resources.timeOff.create(ana, {
      start: '2026-03-03T14:00:00Z',
      end: '2026-03-03T15:00:00Z',
      reason: 'Dentist',
    });
    expect(await startsOn(haircut.id)).toEqual(['2026-03-03T15:00:00Z', '2026-03-03T15:30:00Z']);
    const offs = [];
    for await (const item of bench.admin.resources.timeOff.list(ana)) offs.push(item.id);
    expect(offs).toEqual([off.id]);
    await bench.admin.resources.timeOff.delete(ana, off.id);

    const closure = await bench.admin.closures.create({ startDate: day, endDate: day, reason: 'Holiday' });
    expect(await startsOn(haircut.id)).toEqual([]);
    expect((await bench.admin.closures.list()).data).toEqual([closure]);
    await bench.admin.closures.delete(closure.id);
    expect(await startsOn(haircut.id)).toHaveLength(4);
  });

  it('resources: create, get, update, list', async () => {
    const chair = await bench.admin.resources.create({ name: 'Chair 2', kind: 'equipment' });
    await expect(bench.admin.resources.get(chair.id)).resolves.toMatchObject({ name: 'Chair 2', hours: {} });
    await bench.admin.resources.update(chair.id, { description: 'By the window' });
    const names = [];
    for await (const r of bench.admin.resources.list()) names.push(r.name);
    expect(names).toEqual(expect.arrayContaining(['Ana', 'Chair 2']));
    await bench.admin.resources.delete(chair.id);
  });

  it('keys: a created key works at once, a revoked one is an AuthenticationError', async () => {
    const created = await bench.admin.keys.create({ kind: 'secret', label: 'POS sync' });
    expect(created.secret).toMatch(/^fd_sk_/);
    const pos = createClient({ baseUrl, key: created.secret });
    await expect(pos.business.get()).resolves.toMatchObject({ id: bench.businessId });
    const revoked = await bench.admin.keys.revoke(created.id);
    expect(revoked.revokedAt).toEqual(expect.any(String));
    await expect(pos.business.get()).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('admin calls with a publishable key are PermissionErrors', async () => {
    await expect(
      bench.public.services.create({ name: 'X', durationMinutes: 30, resourceIds: [salon.ana.id] }),
    ).rejects.toBeInstanceOf(PermissionError);
    await expect(bench.public.closures.create({ startDate: day, endDate: day })).rejects.toBeInstanceOf(
      PermissionError,
    );
    await expect(bench.public.events.list()).rejects.toBeInstanceOf(PermissionError);
  });

  it('extra headers from the client options are sent on every request', async () => {
    let seen: string | null = null;
    const client = bench.client({
      headers: { 'x-frontdesk-test': 'yes' },
      fetch: (input, init) => {
        seen = new Request(input, init).headers.get('x-frontdesk-test');
        return fetch(input, init);
      },
    });
    await client.business.get();
    expect(seen).toBe('yes');
  });
});

/**
 * @module `GET /v1/bookings/{id}/ics`, read back with ical.js: a stable UID, UTC times, a SEQUENCE
 * that grows with every change, the status, the business as ORGANIZER and its address as LOCATION,
 * the customer as ATTENDEE, and lines that stay within 75 octets with names in any script.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { call, setupSalon } from './fixtures.js';
import { createTestApp, type TestApp } from './helpers.js';
import { eventFields, parseIcs } from './ical-check.js';

let t: TestApp;
afterEach(async () => t?.close());

async function download(id: string, token?: string) {
  const res = await t.app.request(`/v1/bookings/${id}/ics${token ? `?token=${token}` : ''}`, {
    headers: { Authorization: `Bearer ${token ? t.publishableKey : t.secretKey}` },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
  return res.text();
}

describe('the booking .ics download', () => {
  it('parses, names the booking in any script, and keeps every line within 75 octets', async () => {
    t = await createTestApp();
    await call(t, 'PATCH', '/v1/business', {
      body: {
        name: 'Salão Conceição — 美发沙龙 💇',
        address: 'Rua Augusta 1\n1100-048 Lisboa',
        notifyEmail: 'owner@salon.example',
      },
    });
    const salon = await setupSalon(t);
    await call(t, 'PATCH', `/v1/services/${salon.serviceId}`, { body: { name: '剪发和造型 ✂️ Corte' } });
    const made = await call<{ id: string; manageToken: string }>(t, 'POST', '/v1/bookings', {
      key: t.publishableKey,
      body: {
        service: salon.serviceId,
        start: '2026-03-03T09:00:00Z',
        customer: { name: 'Conceição Gonçalves 王小明 😀', email: 'conceicao@example.com' },
      },
    });
    const parsed = parseIcs(await download(made.body.id, made.body.manageToken));
    expect(parsed.prop('method')).toBe('PUBLISH');
    expect(parsed.events).toHaveLength(1);
    const event = eventFields(parsed.events[0]!);
    expect(event).toMatchObject({
      uid: `${made.body.id}@frontdesk`,
      sequence: 0,
      status: 'CONFIRMED',
      summary: '剪发和造型 ✂️ Corte — Salão Conceição — 美发沙龙 💇',
      location: 'Rua Augusta 1\n1100-048 Lisboa',
      start: '2026-03-03T09:00:00.000Z',
      end: '2026-03-03T09:30:00.000Z',
      startIsUtc: true,
      attendee: { email: 'conceicao@example.com', name: 'Conceição Gonçalves 王小明 😀' },
      organizer: { email: 'owner@salon.example', name: 'Salão Conceição — 美发沙龙 💇' },
    });
  });

  it('keeps the UID and raises SEQUENCE with every change: confirm, reschedule, cancel', async () => {
    t = await createTestApp();
    const salon = await setupSalon(t, { requiresConfirmation: true });
    const made = await call<{ id: string }>(t, 'POST', '/v1/bookings', {
      body: {
        service: salon.serviceId,
        start: '2026-03-03T09:00:00Z',
        customer: { name: 'Ana', email: 'ana@example.com' },
      },
    });
    const id = made.body.id;
    const seen: { uid: string; sequence: number; status: string; start: string | undefined }[] = [];
    const look = async () => {
      const e = eventFields(parseIcs(await download(id)).events[0]!);
      seen.push({ uid: e.uid, sequence: e.sequence, status: e.status, start: e.start });
    };
    await look();
    await call(t, 'POST', `/v1/bookings/${id}/confirm`);
    await look();
    await call(t, 'POST', `/v1/bookings/${id}/reschedule`, { body: { start: '2026-03-03T10:00:00Z' } });
    await look();
    await call(t, 'POST', `/v1/bookings/${id}/cancel`, { body: {} });
    await look();
    expect(seen).toEqual([
      { uid: `${id}@frontdesk`, sequence: 0, status: 'TENTATIVE', start: '2026-03-03T09:00:00.000Z' },
      { uid: `${id}@frontdesk`, sequence: 1, status: 'CONFIRMED', start: '2026-03-03T09:00:00.000Z' },
      { uid: `${id}@frontdesk`, sequence: 2, status: 'CONFIRMED', start: '2026-03-03T10:00:00.000Z' },
      { uid: `${id}@frontdesk`, sequence: 3, status: 'CANCELLED', start: '2026-03-03T10:00:00.000Z' },
    ]);
  });

  it('has no ORGANIZER or LOCATION when the business gave no address', async () => {
    t = await createTestApp();
    const salon = await setupSalon(t);
    const made = await call<{ id: string }>(t, 'POST', '/v1/bookings', {
      body: {
        service: salon.serviceId,
        start: '2026-03-03T09:00:00Z',
        customer: { name: 'A', email: 'a@example.com' },
      },
    });
    const event = eventFields(parseIcs(await download(made.body.id)).events[0]!);
    expect(event.organizer).toBeNull();
    expect(event.location).toBeNull();
  });
});

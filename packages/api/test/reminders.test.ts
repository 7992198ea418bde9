/**
 * @module Reminders, driven by the test clock against a real SMTP server: sent when due and once;
 * skipped for bookings made after their moment, cancelled or declined bookings, and starts already
 * past; moved by a reschedule (a reminder sent for the old time does not block the new one); the
 * pending note; per-service lists.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { call, setupSalon } from './fixtures.js';
import { createMailTestApp, type MailTestApp } from './mail-helpers.js';

let t: MailTestApp;
afterEach(async () => t?.close());

type Msg = {
  kind: string;
  status: string;
  statusReason: string | null;
  dueAt: string;
  subject: string | null;
  text: string | null;
};

const customer = { name: 'Rita', email: 'rita@example.com' };

/** Clock starts Monday 2026-03-02 08:00 UTC (Lisbon is UTC+0 then). */
async function setup(serviceExtra: Record<string, unknown> = {}) {
  t = await createMailTestApp();
  return setupSalon(t, serviceExtra);
}

async function book(service: string, start: string) {
  const res = await call<{ id: string; manageToken: string }>(t, 'POST', '/v1/bookings', {
    body: { service, start, customer },
  });
  expect(res.status).toBe(201);
  return res.body;
}

const reminders = async (bookingId: string) =>
  (await call<{ data: Msg[] }>(t, 'GET', `/v1/bookings/${bookingId}/messages?kind=booking_reminder`)).body
    .data;

/** The reminder mails the SMTP server got, by subject. */
const remindersReceived = () =>
  t.smtp!.received.filter((m) => m.parsed.subject?.startsWith('Reminder:')).map((m) => m.parsed);

async function at(iso: string) {
  t.clock.set(iso);
  await t.worker.drain();
}

describe('reminders', () => {
  it('go out when due (a day before, by default), exactly once', async () => {
    const salon = await setup();
    await call(t, 'PATCH', '/v1/business', { body: { bookingPageUrl: 'https://salon.example/book' } });
    const made = await book(salon.serviceId, '2026-03-04T10:00:00Z');
    await t.worker.drain();
    expect(await reminders(made.id)).toEqual([
      expect.objectContaining({ status: 'queued', dueAt: '2026-03-03T10:00:00Z' }),
    ]);
    await at('2026-03-03T09:59:59Z');
    expect(remindersReceived()).toHaveLength(0);
    await at('2026-03-03T10:00:00Z');
    await t.smtp!.waitFor(2);
    const [mail] = remindersReceived();
    expect(mail?.subject).toBe('Reminder: Haircut, Mar 4, 10:00 AM');
    expect(mail?.text).toContain(
      `https://salon.example/book#frontdesk_booking=${made.id}&frontdesk_token=mt_`,
    );
    expect(mail?.text).not.toContain('not confirmed');
    await at('2026-03-03T12:00:00Z');
    await at('2026-03-04T09:00:00Z');
    expect(remindersReceived()).toHaveLength(1);
    expect((await reminders(made.id))[0]).toMatchObject({ status: 'sent' });
  });

  it('are skipped for a booking made after their moment (no "24 h before" for a booking 2 h ahead)', async () => {
    const salon = await setup();
    const made = await book(salon.serviceId, '2026-03-02T10:00:00Z');
    await t.worker.drain();
    expect(await reminders(made.id)).toEqual([
      expect.objectContaining({ status: 'skipped', statusReason: 'booked_after_due' }),
    ]);
    await at('2026-03-02T09:59:00Z');
    expect(remindersReceived()).toHaveLength(0);
  });

  it('are never sent for cancelled or declined bookings', async () => {
    const salon = await setup();
    const cancelled = await book(salon.serviceId, '2026-03-04T10:00:00Z');
    await call(t, 'POST', `/v1/bookings/${cancelled.id}/cancel`, { body: {} });
    const pending = await setupSalon(t, { requiresConfirmation: true });
    const declined = await book(pending.serviceId, '2026-03-04T11:00:00Z');
    await call(t, 'POST', `/v1/bookings/${declined.id}/decline`, { body: { reason: 'No' } });
    await t.worker.drain();
    await at('2026-03-03T12:00:00Z');
    expect(remindersReceived()).toHaveLength(0);
    for (const id of [cancelled.id, declined.id]) {
      expect(await reminders(id)).toEqual([
        expect.objectContaining({ status: 'skipped', statusReason: 'cancelled' }),
      ]);
    }
  });

  it('follow a reschedule; one already sent for the old time does not block the new one', async () => {
    const salon = await setup({ reminders: [{ offsetMinutes: 60 }] });
    const made = await book(salon.serviceId, '2026-03-03T10:00:00Z');
    await at('2026-03-03T09:00:00Z');
    await t.smtp!.waitFor(2);
    expect(remindersReceived()).toHaveLength(1);
    // Moved (by the business, after the first reminder) to the next day: a new reminder, for then.
    const moved = await call(t, 'POST', `/v1/bookings/${made.id}/reschedule`, {
      body: { start: '2026-03-04T14:00:00Z' },
    });
    expect(moved.status).toBe(200);
    await t.worker.drain();
    await at('2026-03-04T12:59:00Z');
    expect(remindersReceived()).toHaveLength(1);
    await at('2026-03-04T13:00:00Z');
    await t.smtp!.waitFor(4);
    const sent = remindersReceived();
    expect(sent).toHaveLength(2);
    expect(sent[1]?.subject).toBe('Reminder: Haircut, Mar 4, 2:00 PM');
  });

  it('are moved when the booking moves before they are due', async () => {
    const salon = await setup();
    const made = await book(salon.serviceId, '2026-03-04T10:00:00Z');
    await t.worker.drain();
    await call(t, 'POST', `/v1/bookings/${made.id}/reschedule?token=${made.manageToken}`, {
      key: t.publishableKey,
      body: { start: '2026-03-05T15:00:00Z' },
    });
    await t.worker.drain();
    const rows = await reminders(made.id);
    expect(rows.map((r) => [r.status, r.statusReason, r.dueAt])).toEqual([
      ['skipped', 'moved', '2026-03-03T10:00:00Z'],
      ['queued', null, '2026-03-04T15:00:00Z'],
    ]);
    await at('2026-03-03T10:00:00Z');
    expect(remindersReceived()).toHaveLength(0);
    await at('2026-03-04T15:00:00Z');
    await t.smtp!.waitFor(3);
    expect(remindersReceived().map((m) => m.subject)).toEqual(['Reminder: Haircut, Mar 5, 3:00 PM']);
  });

  it('tell the customer when the business has not confirmed yet', async () => {
    const salon = await setup({ requiresConfirmation: true });
    await book(salon.serviceId, '2026-03-04T10:00:00Z');
    await at('2026-03-03T10:00:00Z');
    await t.smtp!.waitFor(2);
    expect(remindersReceived()[0]?.text).toContain('Note: the business has not confirmed this booking yet.');
  });

  it('are dropped as skipped when the start has passed by the time the worker gets to them', async () => {
    const salon = await setup();
    const made = await book(salon.serviceId, '2026-03-04T10:00:00Z');
    await t.worker.drain();
    // The worker was down from before the reminder until after the start.
    await at('2026-03-04T10:30:00Z');
    expect(remindersReceived()).toHaveLength(0);
    expect(await reminders(made.id)).toEqual([
      expect.objectContaining({ status: 'skipped', statusReason: 'started' }),
    ]);
  });

  it('use the service list, the business default, or none', async () => {
    const salon = await setup({ reminders: [] });
    await call(t, 'PATCH', '/v1/business', {
      body: { reminders: [{ offsetMinutes: 2880 }, { offsetMinutes: 90 }] },
    });
    const none = await book(salon.serviceId, '2026-03-05T10:00:00Z');
    const byBusiness = await book(salon.classId, '2026-03-05T13:00:00Z');
    await t.worker.drain();
    expect(await reminders(none.id)).toEqual([]);
    expect((await reminders(byBusiness.id)).map((r) => r.dueAt)).toEqual([
      '2026-03-03T13:00:00Z',
      '2026-03-05T11:30:00Z',
    ]);
  });
});

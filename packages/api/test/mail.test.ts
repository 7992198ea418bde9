/**
 * @module Mail through a real SMTP server (smtp-server on 127.0.0.1, parsed with mailparser):
 * confirmations and notices, invitations that calendars follow (same UID, growing SEQUENCE,
 * CANCEL), manage links that work, retries on 451, 550 as final without holding up other mail,
 * bookings unaffected by a dead SMTP server, and the no-SMTP mode.
 */
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { call, setupSalon } from './fixtures.js';
import { eventFields, parseIcs } from './ical-check.js';
import { calendarIn, createMailTestApp, type MailTestApp, manageLinkIn, startSmtp } from './mail-helpers.js';

let t: MailTestApp;
afterEach(async () => t?.close());

type Msg = {
  id: string;
  kind: string;
  status: string;
  statusReason: string | null;
  subject: string | null;
  text: string | null;
  html: string | null;
  messageId: string;
  attempts: number;
  smtpResponse: string | null;
  to: { email: string };
};

const customer = { name: 'Conceição Gonçalves 王小明 😀', email: 'conceicao@example.com' };

async function book(service: string, start = '2026-03-03T09:00:00Z', extra: Record<string, unknown> = {}) {
  const res = await call<{ id: string; manageToken: string }>(t, 'POST', '/v1/bookings', {
    key: t.publishableKey,
    body: { service, start, customer, ...extra },
  });
  expect(res.status).toBe(201);
  return res.body;
}

async function messages(query = '') {
  const res = await call<{ data: Msg[] }>(t, 'GET', `/v1/messages${query}`);
  expect(res.status).toBe(200);
  return res.body.data;
}

describe('mail over SMTP', () => {
  it('confirms a booking to the customer, with an invitation and a working manage link, and tells the business', async () => {
    t = await createMailTestApp();
    await call(t, 'PATCH', '/v1/business', {
      body: { notifyEmail: 'owner@salon.example', slug: 'test-salon', address: 'Rua Augusta 1, Lisboa' },
    });
    const salon = await setupSalon(t);
    const made = await book(salon.serviceId);
    await t.worker.drain();
    const mails = await t.smtp!.waitFor(2);
    const toCustomer = mails.find((m) => m.to.includes('conceicao@example.com'))!.parsed;
    const toOwner = mails.find((m) => m.to.includes('owner@salon.example'))!.parsed;

    expect(toCustomer.subject).toMatch(/^Booking confirmed: Haircut, Mar 3, 9:00 AM$/);
    expect(toCustomer.from?.value[0]).toEqual({ name: 'Test Salon', address: 'bookings@frontdesk.example' });
    expect(toCustomer.replyTo?.value[0]?.address).toBe('owner@salon.example');
    expect(toCustomer.to && 'value' in toCustomer.to && toCustomer.to.value[0]?.name).toBe(customer.name);
    expect(toCustomer.date).toBeInstanceOf(Date);
    expect(toCustomer.text).toContain('Tuesday, March 3, 2026, 9:00 AM–9:30 AM (Europe/Lisbon)');
    expect(toCustomer.html).toContain('<h1');
    const stored = (await messages()).find((m) => m.kind === 'booking_confirmed')!;
    expect(toCustomer.messageId).toBe(stored.messageId);
    expect(stored).toMatchObject({ status: 'sent', attempts: 1 });
    expect(stored.smtpResponse).toMatch(/^250/);

    const ics = parseIcs(calendarIn(toCustomer)!);
    expect(ics.prop('method')).toBe('REQUEST');
    expect(eventFields(ics.events[0]!)).toMatchObject({
      uid: `${made.id}@frontdesk`,
      sequence: 0,
      status: 'CONFIRMED',
    });

    // The link opens the booking with a token of its own (the on-screen one is stored hashed only).
    const link = manageLinkIn(toCustomer)!;
    expect(link).toMatch(
      new RegExp(`^http://localhost/book/test-salon#frontdesk_booking=${made.id}&frontdesk_token=mt_`),
    );
    const token = new URLSearchParams(new URL(link).hash.slice(1)).get('frontdesk_token')!;
    expect(token).not.toBe(made.manageToken);
    const read = await call(t, 'GET', `/v1/bookings/${made.id}?token=${token}`, { key: t.publishableKey });
    expect(read.status).toBe(200);
    const wrong = await call(t, 'GET', `/v1/bookings/${made.id}?token=${token}x`, { key: t.publishableKey });
    expect(wrong.status).toBe(404);

    expect(toOwner.subject).toBe(`New booking: ${customer.name}, Haircut, Mar 3, 9:00 AM`);
    expect(toOwner.text).toContain('conceicao@example.com');
  });

  it('mails each event once: planning the log again (a process behind the cursor) adds no message, link or send', async () => {
    t = await createMailTestApp();
    await call(t, 'PATCH', '/v1/business', {
      body: { notifyEmail: 'owner@salon.example', slug: 'test-salon' },
    });
    const salon = await setupSalon(t);
    await book(salon.serviceId);
    await t.worker.drain();
    await t.smtp!.waitFor(2);
    const count = async (table: string) =>
      Number((await t.db.client.execute(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);
    const before = {
      messages: await count('messages'),
      links: await count('booking_link_tokens'),
      jobs: await count('outbox_jobs'),
    };
    expect(before.links).toBe(1);
    await t.db.write((tx) => tx.run(sql`UPDATE producer_cursors SET event_id = 0 WHERE name = 'mail'`));
    await t.worker.drain();
    expect({
      messages: await count('messages'),
      links: await count('booking_link_tokens'),
      jobs: await count('outbox_jobs'),
    }).toEqual(before);
    expect(t.smtp!.received).toHaveLength(2);
  });

  it('keeps the UID and raises SEQUENCE when rescheduled, and sends METHOD:CANCEL when cancelled', async () => {
    t = await createMailTestApp();
    await call(t, 'PATCH', '/v1/business', { body: { notifyEmail: 'owner@salon.example' } });
    const salon = await setupSalon(t);
    const made = await book(salon.serviceId);
    await call(t, 'POST', `/v1/bookings/${made.id}/reschedule?token=${made.manageToken}`, {
      key: t.publishableKey,
      body: { start: '2026-03-03T10:00:00Z' },
    });
    await call(t, 'POST', `/v1/bookings/${made.id}/cancel?token=${made.manageToken}`, {
      key: t.publishableKey,
      body: { reason: 'Sick' },
    });
    await t.worker.drain();
    const mails = (await t.smtp!.waitFor(5)).filter((m) => m.to.includes('conceicao@example.com'));
    const bySubject = (prefix: string) => mails.find((m) => m.parsed.subject?.startsWith(prefix))!.parsed;
    const [confirmed, moved, cancelled] = ['Booking confirmed', 'Booking moved', 'Booking cancelled'].map(
      (p) => {
        const parsed = parseIcs(calendarIn(bySubject(p))!);
        return { method: parsed.prop('method'), ...eventFields(parsed.events[0]!) };
      },
    );
    expect(moved!.uid).toBe(confirmed!.uid);
    expect(cancelled!.uid).toBe(confirmed!.uid);
    expect([confirmed!.sequence, moved!.sequence, cancelled!.sequence]).toEqual([0, 1, 2]);
    expect(moved).toMatchObject({ method: 'REQUEST', start: '2026-03-03T10:00:00.000Z' });
    expect(cancelled).toMatchObject({ method: 'CANCEL', status: 'CANCELLED' });
    expect(bySubject('Booking moved').text).toContain('Was:');
    // The owner hears that the customer cancelled, with the reason.
    const notice = t.smtp!.received.find((m) => m.parsed.subject?.startsWith('Cancelled by the customer'))!;
    expect(notice.to).toEqual(['owner@salon.example']);
    expect(notice.parsed.text).toContain('Sick');
  });

  it('asks the business to confirm a pending booking, then confirms it (and declines others) to the customer', async () => {
    t = await createMailTestApp();
    await call(t, 'PATCH', '/v1/business', { body: { notifyEmail: 'owner@salon.example' } });
    const salon = await setupSalon(t, { requiresConfirmation: true });
    const first = await book(salon.serviceId, '2026-03-03T09:00:00Z', { locale: 'de' });
    const second = await book(salon.serviceId, '2026-03-03T10:00:00Z', { locale: 'fr-CA' });
    await call(t, 'POST', `/v1/bookings/${first.id}/confirm`);
    await call(t, 'POST', `/v1/bookings/${second.id}/decline`, { body: { reason: 'Fully booked' } });
    await t.worker.drain();
    await t.smtp!.waitFor(6);
    const subjects = t.smtp!.received.map((m) => `${m.to[0]} ${m.parsed.subject}`).sort();
    expect(subjects).toEqual(
      [
        'conceicao@example.com Buchungsanfrage erhalten: Haircut, 3. März, 9:00',
        'conceicao@example.com Buchung bestätigt: Haircut, 3. März, 9:00',
        'conceicao@example.com Demande de réservation reçue : Haircut, 3 mars, 10 h 00',
        'conceicao@example.com Demande de réservation refusée : Haircut, 3 mars, 10 h 00',
        `owner@salon.example To confirm: ${customer.name}, Haircut, Mar 3, 9:00 AM`,
        `owner@salon.example To confirm: ${customer.name}, Haircut, Mar 3, 10:00 AM`,
      ].sort(),
    );
  });

  it('retries after 451 and sends; a 550 is failed with the answer, and other mail still goes', async () => {
    t = await createMailTestApp();
    const salon = await setupSalon(t);
    t.smtp!.script.push(451);
    await book(salon.serviceId, '2026-03-03T09:00:00Z');
    await t.worker.drain();
    let [first] = await messages();
    expect(first).toMatchObject({ status: 'queued', attempts: 1 });
    expect(first!.smtpResponse).toMatch(/451/);
    expect(t.smtp!.received).toHaveLength(0);
    t.clock.advance(61_000);
    await t.worker.drain();
    [first] = await messages();
    expect(first).toMatchObject({ status: 'sent', attempts: 2 });
    expect(t.smtp!.received).toHaveLength(1);

    t.smtp!.refuse.add('nobody@example.com');
    const bad = await call<{ id: string }>(t, 'POST', '/v1/bookings', {
      body: {
        service: salon.serviceId,
        start: '2026-03-03T10:00:00Z',
        customer: { name: 'Nobody', email: 'nobody@example.com' },
      },
    });
    await book(salon.serviceId, '2026-03-03T11:00:00Z');
    await t.worker.drain();
    const [failed] = await messages(`?booking=${bad.body.id}`);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed!.smtpResponse).toMatch(/^550 .*no such user/);
    expect(t.smtp!.received.map((m) => m.to[0])).toEqual(['conceicao@example.com', 'conceicao@example.com']);
    // Failed for good: later rounds do not try it again.
    t.clock.advance(3_600_000);
    await t.worker.drain();
    expect((await messages(`?booking=${bad.body.id}`))[0]!.attempts).toBe(1);
  });

  it('keeps taking bookings at normal speed while the SMTP server is down, and delivers once it is back', async () => {
    const probe = await startSmtp();
    const port = probe.port;
    await probe.close();
    t = await createMailTestApp({ smtpUrl: `smtp://127.0.0.1:${port}` });
    const salon = await setupSalon(t);
    t.worker.start();
    const times: number[] = [];
    for (const hour of [9, 10, 11, 13, 14]) {
      const started = performance.now();
      await book(salon.serviceId, `2026-03-03T${String(hour).padStart(2, '0')}:00:00Z`);
      times.push(performance.now() - started);
    }
    // The booking transaction never waits for mail: each answer is as quick as with no mail at all.
    expect(Math.max(...times)).toBeLessThan(1000);
    await t.worker.drain();
    const waiting = await messages('?kind=booking_confirmed');
    expect(waiting).toHaveLength(5);
    expect(waiting.every((m) => m.status === 'queued' && m.attempts === 1)).toBe(true);
    expect(waiting[0]!.smtpResponse).toMatch(/ECONNREFUSED|ECONNECTION|connect/i);
    const back = await startSmtp(port);
    try {
      t.clock.advance(61_000);
      await t.worker.drain();
      await back.waitFor(5);
      expect((await messages('?kind=booking_confirmed')).every((m) => m.status === 'sent')).toBe(true);
    } finally {
      await back.close();
    }
  });
});

describe('without SMTP', () => {
  it('renders and keeps every message as not_sent, visible with previews, and never sends them later', async () => {
    t = await createMailTestApp({ smtp: false });
    await call(t, 'PATCH', '/v1/business', {
      body: { notifyEmail: 'owner@salon.example', slug: 'test-salon' },
    });
    const salon = await setupSalon(t);
    const made = await book(salon.serviceId);
    await t.worker.drain();
    const kept = await messages('?status=not_sent');
    expect(kept.map((m) => m.kind).sort()).toEqual(['booking_confirmed', 'notice_new_booking']);
    for (const m of kept) {
      expect(m.statusReason).toBe('no_smtp');
      expect(m.subject).toMatch(/Haircut/);
      expect(m.text).toContain('(Europe/Lisbon)');
      expect(m.html).toMatch(/^<!doctype html>/);
    }
    // Newest first on request, paged the same way.
    const all = await messages();
    const newest = await messages('?order=newest');
    expect(newest.map((m) => m.id)).toEqual(all.map((m) => m.id).reverse());
    const firstPage = await call<{ data: Msg[]; nextCursor: string }>(
      t,
      'GET',
      '/v1/messages?order=newest&limit=1',
    );
    const nextPage = await messages(`?order=newest&cursor=${firstPage.body.nextCursor}`);
    expect([...firstPage.body.data, ...nextPage].map((m) => m.id)).toEqual(newest.map((m) => m.id));
    expect((await call(t, 'GET', '/v1/messages?order=sideways')).status).toBe(422);
    const perBooking = await call<{ data: Msg[] }>(t, 'GET', `/v1/bookings/${made.id}/messages`);
    expect(perBooking.body.data.map((m) => m.kind)).toEqual(
      expect.arrayContaining(['booking_confirmed', 'booking_reminder']),
    );
    expect((await call(t, 'GET', '/v1/messages', { key: t.publishableKey })).status).toBe(403);
    expect((await call(t, 'GET', '/v1/bookings/bkg_nope/messages')).status).toBe(404);

    // SMTP configured later (a new worker on the same database): what was kept stays unsent, and
    // the reminder planned back then, falling due now, is rendered and kept unsent too.
    const smtp = await startSmtp();
    const { createWorker } = await import('../src/worker.js');
    const { smtpTransport } = await import('../src/mail/transport.js');
    const transport = smtpTransport(smtp.url);
    const later = createWorker({
      database: t.db,
      clock: t.clock,
      logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
      mail: {
        transport,
        from: { name: null, address: 'bookings@frontdesk.example' },
        publicUrl: 'http://localhost',
      },
    });
    try {
      await later.drain();
      t.clock.advance(3_600_000);
      await later.drain();
      await new Promise((r) => setTimeout(r, 200));
      expect(smtp.received).toHaveLength(0);
      const unsent = await messages('?status=not_sent');
      expect(unsent.map((m) => m.kind).sort()).toEqual([
        'booking_confirmed',
        'booking_reminder',
        'notice_new_booking',
      ]);
      expect(unsent.find((m) => m.kind === 'booking_reminder')!.subject).toMatch(/^Reminder: Haircut/);
    } finally {
      await later.stop(100);
      transport.close();
      await smtp.close();
    }
  });
});

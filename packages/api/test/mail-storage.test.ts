/**
 * @module What a message keeps on disk: what it is rendered from, a few hundred bytes, not its
 * ~3.5 KB of rendered HTML, text and .ics (docs/benchmarks.md, "What mail keeps on disk"). Its
 * preview and every send attempt render the same bytes from it; rows written before that (rendered
 * parts in their columns) still preview and send as written; a row damaged outside the app
 * previews without content and is failed, never sent half-rendered.
 */
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { call, setupSalon } from './fixtures.js';
import { createMailTestApp, type MailTestApp } from './mail-helpers.js';

let t: MailTestApp;
afterEach(async () => t?.close());

type Msg = {
  id: string;
  kind: string;
  bookingId: string | null;
  status: string;
  statusReason: string | null;
  locale: string | null;
  subject: string | null;
  text: string | null;
  html: string | null;
  calendarMethod: string | null;
  messageId: string;
};

async function messages() {
  const res = await call<{ data: Msg[] }>(t, 'GET', '/v1/messages');
  expect(res.status).toBe(200);
  return res.body.data;
}

async function book(service: string, start: string) {
  const res = await call<{ id: string }>(t, 'POST', '/v1/bookings', {
    key: t.publishableKey,
    body: {
      service,
      start,
      customer: { name: 'Conceição Gonçalves', email: 'conceicao@example.com', phone: '+351 912 345 678' },
      notes: 'Short on the sides, please.',
    },
  });
  expect(res.status).toBe(201);
  return res.body;
}

/** The bytes each message row keeps, by kind. */
async function rowBytes() {
  const rows = await t.db.client.execute(
    `SELECT kind, length(CAST(coalesce(input, '') AS BLOB)) + length(CAST(coalesce(subject, '') AS BLOB))
       + length(CAST(coalesce(html, '') AS BLOB)) + length(CAST(coalesce(text, '') AS BLOB))
       + length(CAST(coalesce(calendar, '') AS BLOB)) AS bytes FROM messages`,
  );
  return Object.fromEntries(rows.rows.map((r) => [String(r.kind), Number(r.bytes)]));
}

/** A booking's confirmation whose first attempt met a 451: queued, to be tried again in a minute. */
async function confirmationAfter451() {
  t = await createMailTestApp();
  const salon = await setupSalon(t);
  t.smtp!.script.push(451);
  await book(salon.serviceId, '2026-03-03T09:00:00Z');
  await t.worker.drain();
  const [first] = await messages();
  expect(first).toMatchObject({ kind: 'booking_confirmed', status: 'queued' });
  return first!;
}

describe('what a message keeps', () => {
  it('keeps under 1 KB a message, and sends the very bytes its preview shows', async () => {
    t = await createMailTestApp();
    await call(t, 'PATCH', '/v1/business', {
      body: { notifyEmail: 'owner@salon.example', slug: 'test-salon', address: 'Rua Augusta 1, Lisboa' },
    });
    const salon = await setupSalon(t);
    await book(salon.serviceId, '2026-03-03T09:00:00Z');
    await t.worker.drain();
    const mails = await t.smtp!.waitFor(2);

    const bytes = await rowBytes();
    expect(Object.keys(bytes).sort()).toEqual([
      'booking_confirmed',
      'booking_reminder',
      'notice_new_booking',
    ]);
    expect(bytes.booking_confirmed).toBeLessThan(1024);
    expect(bytes.notice_new_booking).toBeLessThan(1024);

    const previews = await messages();
    for (const kind of ['booking_confirmed', 'notice_new_booking']) {
      const preview = previews.find((m) => m.kind === kind)!;
      const sent = mails.find((m) => m.parsed.messageId === preview.messageId)!.parsed;
      expect(preview).toMatchObject({ status: 'sent', locale: 'en', subject: sent.subject });
      expect(preview.html).toBe(sent.html);
      expect(preview.text!.trimEnd()).toBe(sent.text!.trimEnd());
    }
    expect(previews.find((m) => m.kind === 'booking_confirmed')!.calendarMethod).toBe('REQUEST');
    // Rendering is pure: reading the list again renders the same bytes.
    expect(await messages()).toEqual(previews);
  });

  it('previews and sends a message written before its input was kept (rendered parts in the row) as written', async () => {
    const first = await confirmationAfter451();
    await t.db.write((tx) =>
      tx.run(sql`UPDATE messages SET input = NULL, locale = 'en', subject = 'Booked: Haircut',
        html = '<p>See you soon.</p>', text = 'See you soon.', calendar = NULL, calendar_method = NULL
        WHERE id = ${first.id}`),
    );
    expect((await messages())[0]).toMatchObject({
      subject: 'Booked: Haircut',
      html: '<p>See you soon.</p>',
      text: 'See you soon.',
      calendarMethod: null,
    });
    t.clock.advance(61_000);
    await t.worker.drain();
    const [mail] = await t.smtp!.waitFor(1);
    expect(mail!.parsed.subject).toBe('Booked: Haircut');
    expect(mail!.parsed.text!.trim()).toBe('See you soon.');
    expect((await messages())[0]).toMatchObject({ status: 'sent', subject: 'Booked: Haircut' });
  });

  it('retries a reminder rendered before its input was kept with what it rendered, and one since with the same bytes', async () => {
    t = await createMailTestApp();
    const salon = await setupSalon(t);
    const made = await book(salon.serviceId, '2026-03-04T10:00:00Z');
    const second = await book(salon.serviceId, '2026-03-04T11:00:00Z');
    await t.worker.drain();
    await t.smtp!.waitFor(2);
    const reminderOf = async (id: string) =>
      (await messages()).find((m) => m.kind === 'booking_reminder' && m.bookingId === id)!;
    // Both reminders' first attempts meet a 451; the first's row is then put in the old form.
    t.smtp!.script.push(451, 451);
    t.clock.set('2026-03-03T11:00:00Z');
    await t.worker.drain();
    const legacy = await reminderOf(made.id);
    const kept = await reminderOf(second.id);
    expect([legacy.status, kept.status]).toEqual(['queued', 'queued']);
    expect(kept.subject).toBe('Reminder: Haircut, Mar 4, 11:00 AM');
    await t.db.write((tx) =>
      tx.run(sql`UPDATE messages SET input = NULL, locale = 'en', subject = 'Reminder, as rendered then',
        html = '<p>Tomorrow.</p>', text = 'Tomorrow.' WHERE id = ${legacy.id}`),
    );
    t.clock.advance(61_000);
    await t.worker.drain();
    await t.smtp!.waitFor(4);
    const subjects = t.smtp!.received.slice(2).map((m) => m.parsed.subject);
    expect(subjects.sort()).toEqual(['Reminder, as rendered then', 'Reminder: Haircut, Mar 4, 11:00 AM']);
    const sent = t.smtp!.received.find((m) => m.parsed.subject === kept.subject)!.parsed;
    expect(sent.html).toBe((await reminderOf(second.id)).html);
  });

  it('lists a message whose input was damaged outside the app without content, and fails it unsent', async () => {
    const first = await confirmationAfter451();
    await t.db.write((tx) =>
      tx.run(sql`UPDATE messages SET input = '{"at":1,"input":' WHERE id = ${first.id}`),
    );
    expect((await messages())[0]).toMatchObject({
      id: first.id,
      status: 'queued',
      subject: null,
      html: null,
    });
    t.clock.advance(61_000);
    await t.worker.drain();
    expect((await messages())[0]).toMatchObject({ status: 'failed', statusReason: 'unrenderable' });
    await new Promise((r) => setTimeout(r, 100));
    expect(t.smtp!.received).toHaveLength(0);
  });
});

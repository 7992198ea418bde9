/**
 * The manage link in a real confirmation email (sent by the API's outbox worker to a real SMTP
 * server, parsed with mailparser), followed in Chromium: on the hosted page `/book/{slug}` and on
 * the business's own page (`bookingPageUrl`), it opens the manage view and cancels the booking.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpTransport } from '../../api/src/mail/transport.js';
import { createWorker, type OutboxWorker } from '../../api/src/worker.js';
import { manageLinkIn, type SmtpSink, startSmtp } from '../../api/test/mail-helpers.js';
import { ready, widget } from './flow-steps.js';
import { openPage, startWorld, type World } from './harness.js';

let world: World;
let smtp: SmtpSink;
let worker: OutboxWorker;
let transport: ReturnType<typeof smtpTransport>;

beforeAll(async () => {
  world = await startWorld();
  smtp = await startSmtp();
  transport = smtpTransport(smtp.url);
  worker = createWorker({
    database: world.t.db,
    logger: { info: () => undefined, warn: () => undefined, error: (m, f) => console.error(m, f) },
    mail: { transport, from: { name: null, address: 'bookings@frontdesk.example' }, publicUrl: world.api },
    pollMs: 500,
  });
  worker.start();
}, 120_000);
afterAll(async () => {
  await worker?.stop(1000);
  transport?.close();
  await smtp?.close();
  await world?.close();
});

/** Books the last free slot of a day through the API and returns the link of its confirmation. */
async function bookAndReadMail(dayOffset: number, email: string): Promise<{ id: string; link: string }> {
  const day = new Date(Date.now() + dayOffset * 86_400_000).toISOString().slice(0, 10);
  const availability = await world.call<{ slots: { start: string }[] }>(
    'GET',
    `/v1/availability?service=${world.serviceId}&from=${day}&to=${day}`,
  );
  const made = await world.call<{ id: string }>(
    'POST',
    '/v1/bookings',
    {
      service: world.serviceId,
      start: availability.body.slots.at(-1)!.start,
      customer: { name: 'Rita Mail', email },
      answers: { allergies: 'no' },
    },
    world.t.publishableKey,
  );
  expect(made.status).toBe(201);
  const until = Date.now() + 15_000;
  for (;;) {
    const mail = smtp.received.find(
      (m) => m.to.includes(email) && m.parsed.subject?.startsWith('Booking confirmed'),
    );
    if (mail) return { id: made.body.id, link: manageLinkIn(mail.parsed)! };
    if (Date.now() > until) throw new Error('no confirmation mail');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function cancelThroughLink(link: string, bookingId: string) {
  const page = await openPage(world, link);
  await ready(page);
  const w = widget(page);
  await w.getByRole('heading', { name: 'Your booking' }).waitFor();
  await w.getByText('Confirmed').waitFor();
  await w.getByRole('button', { name: 'Cancel booking' }).click();
  await w.getByRole('button', { name: 'Yes, cancel it' }).click();
  await w.getByRole('status').filter({ hasText: 'Your booking is cancelled.' }).waitFor();
  const after = await world.call<{ status: string }>('GET', `/v1/bookings/${bookingId}`);
  expect(after.body.status).toBe('cancelled');
  await page.context().close();
}

describe('the manage link of a confirmation email', () => {
  it('opens the manage view on the hosted page and cancels', async () => {
    await world.call('PATCH', '/v1/business', { slug: 'mail-salon', bookingPageUrl: null });
    const { id, link } = await bookAndReadMail(2, 'hosted@example.com');
    expect(link.startsWith(`${world.api}/book/mail-salon#frontdesk_booking=${id}&frontdesk_token=`)).toBe(
      true,
    );
    await cancelThroughLink(link, id);
  });

  it("opens the manage view on the business's own booking page and cancels", async () => {
    const page = world.hostPage({ query: 'from=site' });
    await world.call('PATCH', '/v1/business', { bookingPageUrl: page });
    const { id, link } = await bookAndReadMail(3, 'own-page@example.com');
    expect(link.startsWith(`${page}#frontdesk_booking=${id}&frontdesk_token=`)).toBe(true);
    await cancelThroughLink(link, id);
  });
});

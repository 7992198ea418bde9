/**
 * @module Erasing a customer: afterwards the database file (checkpointed) and the server's own log
 * lines hold her email, name and phone nowhere, in any casing; bookings, reservations, stock and
 * the ledger still add up; a retry of her idempotent request does not bring her back; erasing again
 * changes nothing; other customers and the same email at another business are untouched.
 */
import { existsSync, readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import type {
  Booking,
  CustomerErasure,
  CustomerExport,
  Message,
  Movement,
  Problem,
  ProductStock,
} from '@frontdesk/core';
import { afterEach, describe, expect, it } from 'vitest';
import { idempotencyKeys, outboxAttempts, outboxJobs } from '../src/db/schema.js';
import { createJsonLogger } from '../src/env.js';
import { seedCatalog } from '../src/services/demo.js';
import { fingerprint } from '../src/services/idempotency.js';
import { createWorker, noMail } from '../src/worker.js';
import { customerPath, joao, openShop, type Shop, zelda, zeldaLower } from './customer-fixtures.js';
import { addBusiness } from './helpers.js';

let shop: Shop | undefined;
let stopWorker: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stopWorker?.();
  stopWorker = undefined;
  await shop?.t.close();
});

/**
 * The mail the shop's bookings and reservations make, as a server without SMTP keeps it (`not_sent`,
 * rendered, and reminders waiting): runs the outbox worker's mail producer and handler until idle.
 */
async function runMail(s: Shop): Promise<void> {
  const { t } = s;
  const worker = createWorker({
    database: t.db,
    clock: t.clock,
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    mail: { ...noMail, publicUrl: 'http://localhost' },
  });
  stopWorker = () => worker.stop(1000);
  await worker.drain();
}

async function messagesOf(s: Shop): Promise<Message[]> {
  const res = await s.t.call<{ data: Message[] }>('GET', '/v1/messages?limit=100');
  expect(res.status).toBe(200);
  return res.body.data;
}

/** What the server's pino logger wrote, every line, as the operator's log file would hold it. */
function capturedLog() {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { logger: createJsonLogger({ level: 'debug', destination }), text: () => chunks.join('') };
}

/** Ways Zelda can be found in bytes: any casing is caught by lower-casing what is scanned. */
const traces = ['zelda', 'quintanilha', '934 567 890', '934567890', zelda.phone];

/** The traces found in the database file and its WAL, after a checkpoint that empties the WAL. */
async function tracesInDatabase(s: Shop): Promise<string[]> {
  await s.t.db.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
  const files = [s.t.file, `${s.t.file}-wal`].filter((file) => existsSync(file));
  const found: string[] = [];
  for (const file of files) {
    const bytes = readFileSync(file).toString('latin1').toLowerCase();
    for (const trace of traces) if (bytes.includes(trace.toLowerCase())) found.push(`${trace} in ${file}`);
  }
  return found;
}

async function figures(s: Shop) {
  const { t } = s;
  const bookings = await t.call<{ data: Booking[] }>('GET', '/v1/bookings?limit=100');
  const stock = await t.call<ProductStock>('GET', '/v1/products/HELMET-M/stock');
  const ledger = await t.call<{ data: Movement[] }>('GET', '/v1/stock/movements?sku=HELMET-M&limit=100');
  return {
    bookings: bookings.body.data.map((b) => [b.id, b.status, b.start, b.serviceId]),
    stock: stock.body.locations,
    ledger: ledger.body.data.map((m) => [m.id, m.delta]),
    ledgerSum: ledger.body.data.reduce((sum, m) => sum + m.delta, 0),
  };
}

describe('POST /v1/customers/{email}/erase', () => {
  it('leaves no trace of her in the database file or the log; counts and the ledger stay', async () => {
    const log = capturedLog();
    shop = await openShop({ logger: log.logger });
    const { t } = shop;
    // Mail about her: to her (confirmations, a reservation, reminders still waiting) and notices to
    // the business that quote her name, email and phone.
    expect((await t.call('PATCH', '/v1/business', { notifyEmail: 'owner@salon.example' })).status).toBe(200);
    await runMail(shop);
    const mailBefore = await messagesOf(shop);
    const hers = mailBefore.filter((m) => m.to.email.toLowerCase() === zeldaLower);
    expect(hers.map((m) => m.status)).toContain('not_sent');
    expect(hers.some((m) => m.status === 'queued' && m.kind === 'booking_reminder')).toBe(true);
    expect(mailBefore.some((m) => m.to.email === 'owner@salon.example' && m.text?.includes(zelda.name))).toBe(
      true,
    );
    // Her export holds that mail.
    const exported = await t.call<CustomerExport>('GET', customerPath(zeldaLower, '/export'));
    const herIds = new Set([
      ...Object.values(shop.zeldaBookings).map((b) => b.id),
      ...Object.values(shop.zeldaReservations).map((r) => r.id),
    ]);
    const aboutHer = mailBefore.filter(
      (m) => herIds.has(m.bookingId ?? '') || herIds.has(m.reservationId ?? ''),
    );
    expect(exported.body.messages.map((m) => m.id).sort()).toEqual(aboutHer.map((m) => m.id).sort());
    expect(
      aboutHer.every((m) => m.to.email.toLowerCase() === zeldaLower || m.to.email === 'owner@salon.example'),
    ).toBe(true);
    expect(exported.body.messages.some((m) => m.to.email === 'owner@salon.example')).toBe(true);
    await t.call('PUT', customerPath(zeldaLower, '/notes'), { notes: 'Zelda: quiet chair, no small talk' });
    // Requests that carry her details in the URL: the log must not keep them either.
    await t.call('GET', `/v1/bookings?email=${encodeURIComponent(zelda.email)}`);
    await t.call('GET', `/v1/customers?q=${encodeURIComponent('Zelda Q')}`);
    await t.call('GET', customerPath(zelda.email));
    await t.call('GET', customerPath(zelda.email, '/export'));
    // What may hold her beside the rows keyed by her email: an answer stored before answers were
    // sealed (plain JSON, raw key), and a webhook receiver that echoed the booking in its answer.
    await t.db.write(async (tx) => {
      await tx.insert(idempotencyKeys).values({
        businessId: t.businessId,
        key: 'legacy-key',
        requestHash: fingerprint('POST', '/v1/bookings', { customer: zelda }),
        status: 201,
        body: JSON.stringify({ id: 'bkg_legacy', customer: zelda }),
        createdAt: t.clock(),
      });
      await tx.insert(outboxJobs).values({
        id: 'job_echo',
        businessId: t.businessId,
        kind: 'webhook',
        target: 'whe_x',
        orderingKey: null,
        seq: 1,
        payload: { eventId: 1, type: 'booking.created' },
        status: 'succeeded',
        dueAt: null,
        attempts: 1,
        leaseOwner: null,
        leaseExpiresAt: null,
        createdAt: t.clock(),
        updatedAt: t.clock(),
      });
      await tx.insert(outboxAttempts).values({
        businessId: t.businessId,
        jobId: 'job_echo',
        at: t.clock(),
        statusCode: 200,
        error: null,
        durationMs: 12,
        response: `{"received":{"customer":{"name":"${zelda.name}","email":"${zelda.email}"}}}`,
      });
      // An SMTP server's refusal quotes the address it refused.
      await tx.insert(outboxAttempts).values({
        businessId: t.businessId,
        jobId: 'job_echo',
        at: t.clock(),
        statusCode: 550,
        error: `550 5.1.1 <${zelda.email}>: Recipient address rejected: no such user`,
        durationMs: 8,
        response: null,
      });
    });
    const before = await figures(shop);
    const upcomingId = shop.zeldaBookings.upcoming.id;
    expect(await tracesInDatabase(shop)).not.toEqual([]); // the scan can see her before

    const erase = await t.call<CustomerErasure>(
      'POST',
      customerPath('ZELDA.Quintanilha@example.org', '/erase'),
    );
    expect(erase.status).toBe(200);
    const { completed, noShow, cancelled, upcoming } = shop.zeldaBookings;
    expect(erase.body.bookingIds.sort()).toEqual([completed.id, noShow.id, cancelled.id, upcoming.id].sort());
    expect(erase.body.erased).toMatchObject({
      bookings: 4,
      reservations: 2,
      customer_notes: 1,
      idempotency_keys: 2,
      outbox_attempts: 1,
      outbox_attempt_errors: 1,
      messages: exported.body.messages.length,
    });
    expect(erase.body.erased.events).toBeGreaterThan(0); // the cancellation's reason

    expect(await tracesInDatabase(shop)).toEqual([]);
    // Her mail log stays, anonymous: the same messages; what was waiting is skipped, never sent.
    const mailAfter = await messagesOf(shop);
    expect(mailAfter.map((m) => m.id)).toEqual(mailBefore.map((m) => m.id));
    for (const m of mailAfter.filter((m) => exported.body.messages.some((e) => e.id === m.id))) {
      expect(m.status).not.toBe('queued');
      if (m.to.email !== 'owner@salon.example')
        expect(m.to).toEqual({ name: null, email: 'erased@erased.invalid' });
    }
    expect(mailAfter.find((m) => m.kind === 'booking_reminder' && m.bookingId === upcomingId)).toMatchObject({
      status: 'skipped',
      statusReason: 'erased',
      subject: null,
    });
    // The day of her reminder comes: the worker sends nothing and writes nothing of her back.
    t.clock.set('2026-03-09T09:00:00Z');
    await runMail(shop);
    expect((await messagesOf(shop)).filter((m) => m.status === 'queued' || m.sentAt !== null)).toEqual([]);
    expect(await tracesInDatabase(shop)).toEqual([]);
    const logText = log.text().toLowerCase();
    expect(logText).toContain('/v1/customers/:email/erase'); // the log is there, and names the route
    for (const trace of traces) expect(logText).not.toContain(trace.toLowerCase());

    // Nothing was lost but her: the same bookings with their statuses, the same stock and ledger.
    expect(await figures(shop)).toEqual(before);
    const cancelledNow = await t.call<Booking>('GET', `/v1/bookings/${cancelled.id}`);
    expect(cancelledNow.body).toMatchObject({
      status: 'cancelled',
      customer: { name: '[erased]', email: 'erased@erased.invalid' },
      answers: {},
      notes: '',
      cancelReason: '[erased]',
    });
    expect((await t.call('GET', customerPath(zeldaLower))).status).toBe(404);
    const list = await t.call<{ data: { email: string }[] }>('GET', '/v1/customers');
    expect(list.body.data.map((c) => c.email)).toEqual([joao.email]);
    expect((await t.call('GET', customerPath(joao.email))).body).toMatchObject({
      name: joao.name,
      bookings: 1,
    });

    // The event says what was erased by id, never by person.
    const events = await t.call<{ data: { type: string; payload: unknown }[] }>(
      'GET',
      '/v1/events?type=customer.erased',
    );
    expect(events.body.data).toHaveLength(1);
    expect(events.body.data[0]!.payload).toEqual({
      bookingIds: erase.body.bookingIds,
      reservationIds: erase.body.reservationIds,
    });
  });

  it('is idempotent, and a retry of her idempotent request is told its answer was erased', async () => {
    shop = await openShop();
    const { t } = shop;
    const first = await t.call<CustomerErasure>('POST', customerPath(zelda.email, '/erase'));
    expect(first.status).toBe(200);
    const again = await t.call<CustomerErasure>('POST', customerPath(zelda.email, '/erase'));
    expect(again.status).toBe(200);
    expect(Object.values(again.body.erased).every((count) => count === 0)).toBe(true);
    expect(again.body).toMatchObject({ bookingIds: [], reservationIds: [] });
    const events = await t.call<{ data: unknown[] }>('GET', '/v1/events?type=customer.erased');
    expect(events.body.data).toHaveLength(1);
    // An email nobody used: nothing to do, no event.
    expect((await t.call<CustomerErasure>('POST', customerPath('nobody@example.org', '/erase'))).status).toBe(
      200,
    );
    expect(
      (await t.call<{ data: unknown[] }>('GET', '/v1/events?type=customer.erased')).body.data,
    ).toHaveLength(1);

    const retry = await t.app.request('/v1/reservations', {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${t.publishableKey}`,
        'Content-Type': 'application/json',
        'Idempotency-Key': shop.reservationKey,
      },
      body: JSON.stringify({
        sku: 'HELMET-M',
        locationId: 'lisbon',
        quantity: 1,
        customer: { ...zelda, email: zeldaLower },
      }),
    });
    expect(retry.status).toBe(409);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const problem = (await retry.json()) as Problem;
    expect(problem).toMatchObject({
      code: 'idempotency_conflict',
      detail: expect.stringContaining('erased'),
    });
    expect(JSON.stringify(problem)).not.toContain('zelda');
    // The same key with another body is still a conflict, as before erasure.
    const other = await t.app.request('/v1/reservations', {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${t.publishableKey}`,
        'Content-Type': 'application/json',
        'Idempotency-Key': shop.reservationKey,
      },
      body: JSON.stringify({ sku: 'HELMET-M', locationId: 'lisbon', quantity: 2, customer: joao }),
    });
    expect(((await other.json()) as Problem).code).toBe('idempotency_conflict');
  });

  it('mail planned after her erasure (the producer runs behind the log) is never addressed to her', async () => {
    shop = await openShop();
    const { t } = shop;
    expect((await t.call('POST', customerPath(zelda.email, '/erase'))).status).toBe(200);
    await runMail(shop);
    const mail = await messagesOf(shop);
    expect(mail.some((m) => m.to.email === joao.email)).toBe(true); // the producer did run
    expect(mail.filter((m) => m.to.email === 'erased@erased.invalid')).toEqual([]);
    expect(await tracesInDatabase(shop)).toEqual([]);
  });

  it('a calendar feed read before her erasure does not name her after it', async () => {
    shop = await openShop();
    const { t } = shop;
    const feed = await t.call<{ url: string }>('POST', '/v1/feed');
    expect(feed.status).toBe(201);
    const read = async () => (await t.app.request(new URL(feed.body.url).pathname)).text();
    expect(await read()).toContain(zelda.name); // rendered and kept by this process
    expect((await t.call('POST', customerPath(zelda.email, '/erase'))).status).toBe(200);
    const after = await read();
    expect(after).toContain(joao.name);
    expect(after.toLowerCase()).not.toContain('zelda');
  });

  it('rewrites nothing that is not about her, even where her name appears', async () => {
    shop = await openShop();
    const { t } = shop;
    // A resource that happens to carry her name: its record and its event stay as they are.
    const namesake = await t.call<{ id: string }>('POST', '/v1/resources', {
      name: zelda.name,
      hours: { mon: [{ start: '09:00', end: '17:00' }] },
    });
    expect(namesake.status).toBe(201);
    expect((await t.call('POST', customerPath(zelda.email, '/erase'))).status).toBe(200);
    expect((await t.call<{ name: string }>('GET', `/v1/resources/${namesake.body.id}`)).body.name).toBe(
      zelda.name,
    );
    const events = await t.call<{ data: { payload: { name?: string } }[] }>(
      'GET',
      `/v1/events?subject=${namesake.body.id}`,
    );
    expect(events.body.data[0]?.payload.name).toBe(zelda.name);
  });

  it('erases her at this business only: the same email elsewhere keeps its bookings', async () => {
    shop = await openShop();
    const { t } = shop;
    const other = await addBusiness(t.db, t.clock(), 'Other salon');
    const catalog = await t.db.write((tx) => seedCatalog(tx, other.businessId, t.clock()));
    const theirs = await t.call<Booking>(
      'POST',
      '/v1/bookings',
      { service: catalog.serviceIds.haircut, start: '2026-03-05T10:00:00Z', customer: zelda },
      other.publishableKey,
    );
    expect(theirs.status).toBe(201);
    expect((await t.call('POST', customerPath(zelda.email, '/erase'))).status).toBe(200);
    const kept = await t.call<Booking>('GET', `/v1/bookings/${theirs.body.id}`, undefined, other.secretKey);
    expect(kept.body.customer).toEqual(zelda);
    expect((await t.call('GET', customerPath(zelda.email), undefined, other.secretKey)).status).toBe(200);
    // A publishable key cannot erase anyone.
    expect(
      (await t.call('POST', customerPath(zelda.email, '/erase'), undefined, other.publishableKey)).status,
    ).toBe(403);
  });
});

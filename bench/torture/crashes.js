/**
 * @module R2, crashes: mixed writes (bookings, cancellations, reschedules, holds, reservations with
 * their collection or release, stock adjustments) from C clients over P `frontdesk serve`
 * processes on one file, while K times a random server is killed with SIGKILL and started again.
 * A client whose request got no answer retries it (same Idempotency-Key, same stock event id) until
 * it gets one, as a well-behaved client does. Every acknowledged write is kept and, after the run,
 * found in the file: 0 lost, 0 duplicated (one row per idempotency key), stock on-hand equal to
 * the count plus every acknowledged delta minus every acknowledged collection, each product's
 * ledger summing to its on-hand, `PRAGMA integrity_check` ok, no slot over capacity. With
 * `webhooks`, an endpoint on a receiver in this process is subscribed to `booking.*`, and after
 * the run every booking event must reach it (duplicates counted; the worker's lease on a killed
 * process runs out after 30 s, so the run waits for stragglers up to a minute). With `mail`, the
 * servers send to an SMTP server in this process: every acknowledged booking must have its first
 * message planned and every message planned must arrive (duplicates counted, as for webhooks).
 * Reminders are not in this run: they fall due hours before a start, the run's bookings days ahead.
 */
import { createServer } from 'node:http';
import { api, startCluster } from './cluster.js';
import { pick, seededRandom, setUpBusiness, weightedPicker } from './fixture.js';
import { call, percentile, runClients, Tally } from './http.js';
import {
  bookingEvents,
  checkCapacity,
  checkHistories,
  checkIntegrity,
  checkLedgers,
  storedBookings,
} from './invariants.js';
import { awaitMail, startMailSink } from './mail-sink.js';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runCrashes({ kills, clients, processes, seed, slots, webhooks, mail }) {
  const random = seededRandom(seed);
  const receiver = webhooks ? await startReceiver() : undefined;
  const sink = mail ? await startMailSink() : undefined;
  const cluster = await startCluster({
    processes,
    env: {
      ...(webhooks ? { FRONTDESK_WEBHOOK_ALLOW_PRIVATE: '1' } : {}),
      ...(sink
        ? { FRONTDESK_SMTP_URL: sink.url, FRONTDESK_MAIL_FROM: 'Frontdesk <bookings@frontdesk.example>' }
        : {}),
    },
  });
  const { publishableKey: pk, secretKey: sk } = cluster.seed;
  const business = await setUpBusiness(cluster.url(0), sk, { slotsPerService: slots * 4 });
  if (receiver) {
    const endpoint = await call(cluster.url(0), sk, 'POST', '/v1/webhook-endpoints', {
      body: { url: receiver.url, events: ['booking.*'] },
    });
    if (endpoint.status !== 201) throw new Error(`webhook endpoint → ${endpoint.status} ${endpoint.text}`);
  }
  const tally = new Tally();
  const counts = {};
  let retries = 0;
  let stop = false;
  let serial = 0;
  let adjustments = 0;
  const started = performance.now();

  /**
   * Sends until an answer comes (a killed server gives none): `{ answer, lost }`, `lost` when an
   * earlier attempt went unanswered (and so may have been applied).
   */
  const until = async (method, path, options, key) => {
    let lost = false;
    for (;;) {
      const proc = Math.floor(random() * processes);
      const answer = tally.add(
        `${method} ${path}`,
        await call(cluster.url(proc), key, method, path, options),
      );
      if (answer.status !== 0) return { answer, lost };
      lost = true;
      retries++;
      await sleep(20);
    }
  };
  const count = (what) => {
    counts[what] = (counts[what] ?? 0) + 1;
  };

  /** Idempotency key → the acknowledged booking: id, start, and what happened to it after. */
  const bookings = new Map();
  const unchanged = [];
  const holds = new Map();
  const reservations = new Map();
  const activeReservations = [];
  const deltas = new Map(business.skus.map((sku) => [sku, 0]));
  /** Collections whose answer was lost and then refused as already done: on-hand may be lower. */
  const uncertainCollect = new Map(business.skus.map((sku) => [sku, 0]));
  const duplicates = [];
  const acknowledged = (map, key, id) => {
    const seen = map.get(key);
    if (seen && seen.id !== id) duplicates.push(`${key}: ${seen.id} and ${id}`);
  };

  const ops = [
    [
      30,
      'book',
      async () => {
        const key = `torture-${seed}-${serial++}`;
        const service = pick(random, business.services);
        const start = pick(random, business.slots);
        const body = {
          service: service.id,
          start,
          notes: key,
          customer: { name: 'Crash', email: `${key}@example.com` },
        };
        const { answer } = await until(
          'POST',
          '/v1/bookings',
          { body, headers: { 'Idempotency-Key': key } },
          pk,
        );
        if (answer.status !== 201) return;
        acknowledged(bookings, key, answer.body.id);
        const booking = { id: answer.body.id, start, allowedStarts: new Set([start]), cancel: 'no' };
        bookings.set(key, booking);
        unchanged.push(booking);
      },
    ],
    [
      8,
      'cancel',
      async () => {
        const booking = unchanged.splice(Math.floor(random() * unchanged.length), 1)[0];
        if (!booking) return;
        const { answer, lost } = await until('POST', `/v1/bookings/${booking.id}/cancel`, { body: {} }, sk);
        booking.cancel = answer.status === 200 ? 'yes' : lost ? 'maybe' : 'no';
      },
    ],
    [
      8,
      'reschedule',
      async () => {
        const booking = unchanged.splice(Math.floor(random() * unchanged.length), 1)[0];
        if (!booking) return;
        const start = pick(
          random,
          business.slots.filter((s) => s !== booking.start),
        );
        const { answer, lost } = await until(
          'POST',
          `/v1/bookings/${booking.id}/reschedule`,
          { body: { start } },
          sk,
        );
        if (answer.status === 200) booking.allowedStarts = new Set([start]);
        else if (lost) booking.allowedStarts.add(start);
      },
    ],
    [
      10,
      'hold',
      async () => {
        const key = `hold-${seed}-${serial++}`;
        const service = pick(random, business.services);
        const body = { service: service.id, start: pick(random, business.slots) };
        const { answer } = await until(
          'POST',
          '/v1/holds',
          { body, headers: { 'Idempotency-Key': key } },
          pk,
        );
        if (answer.status !== 201) return;
        acknowledged(holds, key, answer.body.id);
        holds.set(key, { id: answer.body.id });
      },
    ],
    [
      12,
      'reserve',
      async () => {
        const key = `res-${seed}-${serial++}`;
        const body = {
          sku: pick(random, business.skus),
          locationId: 'shop',
          quantity: 1 + Math.floor(random() * 3),
          customer: { name: 'Crash', email: `${key}@example.com` },
        };
        const { answer } = await until(
          'POST',
          '/v1/reservations',
          { body, headers: { 'Idempotency-Key': key } },
          pk,
        );
        if (answer.status !== 201) return;
        acknowledged(reservations, key, answer.body.id);
        const reservation = { id: answer.body.id, sku: body.sku, quantity: body.quantity, status: 'active' };
        reservations.set(key, reservation);
        activeReservations.push(reservation);
      },
    ],
    [
      8,
      'collect or release',
      async () => {
        const reservation = activeReservations.splice(Math.floor(random() * activeReservations.length), 1)[0];
        if (!reservation) return;
        const action = random() < 0.5 ? 'collect' : 'release';
        const { answer, lost } = await until(
          'POST',
          `/v1/reservations/${reservation.id}/${action}`,
          { body: {} },
          sk,
        );
        if (answer.status === 200) {
          reservation.status = action === 'collect' ? 'collected' : 'released';
          if (action === 'collect')
            deltas.set(reservation.sku, deltas.get(reservation.sku) - reservation.quantity);
        } else if (lost) {
          reservation.status = 'unknown';
          if (action === 'collect')
            uncertainCollect.set(
              reservation.sku,
              uncertainCollect.get(reservation.sku) + reservation.quantity,
            );
        }
      },
    ],
    [
      24,
      'stock adjustment',
      async () => {
        const sku = pick(random, business.skus);
        const delta = Math.floor(random() * 9) - 3 || 1;
        const body = { eventId: `adj-${seed}-${serial++}`, sku, locationId: 'shop', delta };
        const { answer } = await until('POST', '/v1/stock/adjustments', { body }, sk);
        if (answer.status !== 200) return count(`stock adjustment ${answer.status}`);
        deltas.set(sku, deltas.get(sku) + delta);
        adjustments++;
      },
    ],
  ];
  const chooseOp = weightedPicker(ops, random);
  const load = runClients(clients, async () => {
    while (!stop) {
      const [, name, run] = chooseOp();
      count(name);
      await run();
    }
  });
  for (let k = 0; k < kills; k++) {
    await sleep(100 + random() * 400);
    await cluster.killAndRestart(Math.floor(random() * processes));
    if ((k + 1) % 20 === 0) console.error(`r2: ${k + 1} of ${kills} kill -9 points`);
  }
  stop = true;
  await load;
  const seconds = (performance.now() - started) / 1000;

  const delivery = receiver ? await awaitDeliveries(cluster, sk, receiver) : undefined;
  const mailed = sink
    ? await awaitMail(
        sink,
        cluster.dbUrl,
        [...bookings.values()].map((b) => b.id),
      )
    : undefined;
  const events = await bookingEvents(cluster.url(0), sk);
  await cluster.stop();
  receiver?.close();
  await sink?.close();

  // Read back from the file.
  const problems = [...duplicates.map((d) => `duplicated answer for ${d}`)];
  const stored = await storedBookings(
    cluster.dbUrl,
    business.services.map((s) => s.id),
  );
  const byNotes = new Map();
  for (const row of stored.values()) byNotes.set(row.notes, (byNotes.get(row.notes) ?? 0) + 1);
  for (const [key, n] of byNotes) if (n > 1) problems.push(`booking ${key} stored ${n} times`);
  let lost = 0;
  for (const [key, booking] of bookings) {
    const row = stored.get(booking.id);
    if (!row) {
      lost++;
      problems.push(`booking ${key} (${booking.id}) acknowledged, not stored`);
      continue;
    }
    const start = new Date(row.start).toISOString().replace('.000Z', 'Z');
    if (!booking.allowedStarts.has(start))
      problems.push(`booking ${booking.id}: start ${start}, acknowledged ${[...booking.allowedStarts]}`);
    if (booking.cancel === 'yes' && row.status !== 'cancelled')
      problems.push(`booking ${booking.id}: cancel acknowledged, ${row.status}`);
    if (booking.cancel === 'no' && row.status === 'cancelled')
      problems.push(`booking ${booking.id}: cancelled, never asked`);
  }
  const rows = await readRows(cluster.dbUrl);
  for (const [key, hold] of holds) {
    if (!rows.holds.has(hold.id)) {
      lost++;
      problems.push(`hold ${key} (${hold.id}) acknowledged, not stored`);
    }
  }
  for (const [key, reservation] of reservations) {
    const status = rows.reservations.get(reservation.id);
    if (!status) {
      lost++;
      problems.push(`reservation ${key} (${reservation.id}) acknowledged, not stored`);
    } else if (
      reservation.status !== 'unknown' &&
      reservation.status !== status &&
      !(reservation.status === 'active' && status === 'expired')
    ) {
      problems.push(`reservation ${reservation.id}: ${reservation.status} acknowledged, stored ${status}`);
    }
  }
  for (const [email, n] of rows.reservationsByEmail)
    if (n > 1) problems.push(`reservation ${email} stored ${n} times`);
  const ledgers = await checkLedgers(cluster.dbUrl);
  for (const sku of business.skus) {
    const expected = business.onHand + deltas.get(sku);
    const onHand = ledgers.onHand.get(sku);
    if (onHand > expected || onHand < expected - uncertainCollect.get(sku)) {
      problems.push(`${sku}: on-hand ${onHand}, acknowledged writes make ${expected}`);
    }
  }
  const integrity = await checkIntegrity(cluster.dbUrl);
  const capacity = await checkCapacity(cluster.dbUrl, business.services);
  const histories = checkHistories(stored, events);
  cluster.remove();

  const violations = [
    ...tally.serverErrors,
    ...tally.notProblem,
    ...problems,
    ...ledgers.mismatched,
    ...(integrity === 'ok' ? [] : [`integrity_check: ${integrity}`]),
    ...capacity.over,
    ...histories,
    ...(delivery?.missing ?? []).map((id) => `webhook ${id} never delivered`),
    ...(mailed?.missing ?? []).map((what) => `mail never arrived: ${what}`),
    ...(mailed?.unplanned ?? []).map((id) => `booking ${id} acknowledged, no mail planned`),
    ...cluster.errorLines.map((line) => `server error log: ${line}`),
  ];
  return {
    name: 'r2',
    title: `R2 crashes: ${kills} kill -9 points, ${clients} clients, ${processes} processes`,
    seed,
    figures: {
      'kill -9 points': kills,
      seconds: Number(seconds.toFixed(1)),
      'write attempts': tally.requests,
      'unanswered (retried)': retries,
      'acknowledged bookings': bookings.size,
      'acknowledged holds': holds.size,
      'acknowledged reservations': reservations.size,
      'acknowledged stock adjustments': adjustments,
      'acknowledged writes lost': lost,
      duplicated:
        problems.filter((p) => p.includes('stored') && p.includes('times')).length + duplicates.length,
      '5xx': tally.count5xx,
      integrity_check: integrity,
      'ledgers ≠ on-hand': ledgers.mismatched.length,
      'over capacity': capacity.over.length,
      'broken histories': histories.length,
      ...(delivery
        ? {
            'booking events': delivery.expected,
            'webhooks delivered': delivery.delivered,
            'webhooks lost': delivery.missing.length,
            'webhook duplicates': delivery.duplicates,
            'webhook drain s': delivery.drainSeconds,
          }
        : {}),
      ...(mailed
        ? {
            'mail planned': mailed.planned,
            'mail received (distinct)': mailed.received,
            'mail lost': mailed.missing.length,
            'bookings without mail': mailed.unplanned.length,
            'mail duplicates': mailed.duplicates,
            'mail drain s': mailed.drainSeconds,
          }
        : {}),
      'p99 ms': Number(percentile(tally.latencies, 99).toFixed(1)),
      'server error lines': cluster.errorLines.length,
    },
    statuses: tally.statuses(),
    counts,
    notes: [
      webhooks
        ? 'webhooks counted (booking.* to a local receiver)'
        : 'webhooks not counted in this run (--webhooks 1 adds them)',
      mail
        ? 'mail counted (SMTP on 127.0.0.1); reminders not: they fall due hours before a start, after the run'
        : 'mail not counted in this run (--mail 1 adds it)',
    ],
    violations,
  };
}

/** Holds and reservations as stored (id → status), and reservations per customer email. */
async function readRows(dbUrl) {
  const database = await api.openDatabase(dbUrl);
  try {
    const holdRows = (await database.client.execute('SELECT id FROM holds')).rows;
    const reservationRows = (
      await database.client.execute('SELECT id, status, customer_email FROM reservations')
    ).rows;
    const reservationsByEmail = new Map();
    for (const r of reservationRows)
      reservationsByEmail.set(r.customer_email, (reservationsByEmail.get(r.customer_email) ?? 0) + 1);
    return {
      holds: new Set(holdRows.map((r) => r.id)),
      reservations: new Map(reservationRows.map((r) => [r.id, r.status])),
      reservationsByEmail,
    };
  } finally {
    await database.close();
  }
}

/** A webhook receiver on 127.0.0.1 that answers 204 and counts each `webhook-id`. */
function startReceiver() {
  const seen = new Map();
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const id = req.headers['webhook-id'];
      seen.set(id, (seen.get(id) ?? 0) + 1);
      res.writeHead(204).end();
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({ url: `http://127.0.0.1:${server.address().port}/hook`, seen, close: () => server.close() });
    });
  });
}

/** Waits (up to 75 s) until every `booking.*` event in the log has reached the receiver. */
async function awaitDeliveries(cluster, sk, receiver) {
  const started = performance.now();
  const eventIds = [];
  for (const list of (await bookingEvents(cluster.url(0), sk)).values())
    for (const e of list) eventIds.push(`evt_${e.id}`);
  let missing = eventIds.filter((id) => !receiver.seen.has(id));
  while (missing.length > 0 && performance.now() - started < 75_000) {
    await sleep(500);
    missing = missing.filter((id) => !receiver.seen.has(id));
  }
  let duplicates = 0;
  for (const n of receiver.seen.values()) duplicates += n - 1;
  return {
    expected: eventIds.length,
    delivered: eventIds.length - missing.length,
    missing,
    duplicates,
    drainSeconds: Number(((performance.now() - started) / 1000).toFixed(1)),
  };
}

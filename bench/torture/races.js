/**
 * @module R1, races: N requests from C clients over P `frontdesk serve` processes on one file, on
 * a few slots of services of 1, 2 and 8 seats, so clients collide all the time. Besides plain
 * bookings, holds, cancels, reschedules and reads it fires the races that need two requests at
 * once: a cancel and a reschedule of the same booking, two reschedules of one booking onto
 * different slots, and a hold converted into a booking at the instant the hold expires (the
 * harness moves the hold's expiry to a few milliseconds ahead in the file, so that race happens in
 * seconds instead of the business's hold minutes). Then: every slot within capacity, each booking
 * in one final state with a history that leads there, every acknowledged change in that final
 * state, 0 5xx, 0 server error lines.
 */
import { api, startCluster } from './cluster.js';
import { pick, seededRandom, setUpBusiness, weightedPicker } from './fixture.js';
import { call, percentile, runClients, Tally } from './http.js';
import { bookingEvents, checkCapacity, checkHistories, storedBookings } from './invariants.js';

const customer = (i) => ({ name: `Racer ${i}`, email: `racer${i}@example.com` });

export async function runRaces({ requests, clients, processes, seed, slots, timeoutMs = 60_000 }) {
  const random = seededRandom(seed);
  const cluster = await startCluster({ processes });
  const { publishableKey: pk, secretKey: sk } = cluster.seed;
  const business = await setUpBusiness(cluster.url(0), sk, { slotsPerService: slots });
  const writer = await api.openDatabase(cluster.dbUrl);
  const tally = new Tally();
  const counts = {};
  /** Bookings that can be raced on: id → { service, start } (taken out while a race runs). */
  const live = [];
  /**
   * id → { createdStart, starts: acknowledged reschedule starts, maybeStarts: those that got no
   * answer, cancelled, maybeCancelled }
   */
  const acked = new Map();
  let issued = 0;
  const started = performance.now();

  const send = (method, path, options, key = pk, proc = Math.floor(random() * processes)) => {
    issued++;
    return call(cluster.url(proc), key, method, path, { ...options, timeoutMs }).then((a) =>
      tally.add(`${method} ${path}`, a),
    );
  };
  const count = (what) => {
    counts[what] = (counts[what] ?? 0) + 1;
  };
  const book = async (service, start, extra = {}, proc) => {
    const answer = await send(
      'POST',
      '/v1/bookings',
      {
        body: { service: service.id, start, customer: customer(issued), ...extra },
      },
      pk,
      proc,
    );
    if (answer.status === 201) {
      live.push({ id: answer.body.id, service, start });
      acked.set(answer.body.id, {
        createdStart: start,
        starts: new Set(),
        maybeStarts: new Set(),
        cancelled: false,
        maybeCancelled: false,
      });
    }
    return answer;
  };
  const reschedule = async (booking, start, proc) => {
    const answer = await send('POST', `/v1/bookings/${booking.id}/reschedule`, { body: { start } }, sk, proc);
    if (answer.status === 200) acked.get(booking.id).starts.add(start);
    // No answer (the client gave up): it may still have been applied.
    if (answer.status === 0) acked.get(booking.id).maybeStarts.add(start);
    return answer;
  };
  const cancel = async (booking, proc) => {
    const answer = await send(
      'POST',
      `/v1/bookings/${booking.id}/cancel`,
      { body: { reason: 'race' } },
      sk,
      proc,
    );
    if (answer.status === 200) acked.get(booking.id).cancelled = true;
    if (answer.status === 0) acked.get(booking.id).maybeCancelled = true;
    return answer;
  };
  const takeLive = () =>
    live.length === 0 ? undefined : live.splice(Math.floor(random() * live.length), 1)[0];
  const otherSlot = (start) =>
    pick(
      random,
      business.slots.filter((s) => s !== start),
    );
  const [procA, procB] = [0, Math.min(1, processes - 1)];

  const ops = [
    [30, 'book', () => book(pick(random, business.services), pick(random, business.slots))],
    [
      8,
      'hold then book',
      async () => {
        const service = pick(random, business.services);
        const start = pick(random, business.slots);
        const hold = await send('POST', '/v1/holds', { body: { service: service.id, start } });
        if (hold.status === 201) await book(service, start, { holdId: hold.body.id });
      },
    ],
    [
      6,
      'hold conversion vs its expiry',
      async () => {
        const service = pick(random, business.services);
        const start = pick(random, business.slots);
        const hold = await send('POST', '/v1/holds', { body: { service: service.id, start } });
        if (hold.status !== 201) return;
        const expiresAt = Date.now() + 30;
        await writer.client.execute({
          sql: 'UPDATE holds SET expires_at = ? WHERE id = ?',
          args: [expiresAt, hold.body.id],
        });
        await new Promise((resolve) =>
          setTimeout(resolve, Math.max(0, expiresAt - Date.now() - 3 + random() * 6)),
        );
        // The conversion and a stranger's booking of the same seat, at the hold's last instant.
        const [converted] = await Promise.all([
          book(service, start, { holdId: hold.body.id }, procA),
          book(service, start, {}, procB),
        ]);
        count(
          converted.status === 201
            ? 'conversions at expiry: booked'
            : `conversions at expiry: ${converted.status}`,
        );
      },
    ],
    [
      10,
      'cancel vs reschedule',
      async () => {
        const booking = takeLive();
        if (!booking) return;
        const [c, r] = await Promise.all([
          cancel(booking, procA),
          reschedule(booking, otherSlot(booking.start), procB),
        ]);
        count(`cancel ${c.status} / reschedule ${r.status}`);
        if (c.status !== 200) live.push(booking);
      },
    ],
    [
      10,
      'two reschedules',
      async () => {
        const booking = takeLive();
        if (!booking) return;
        const x = otherSlot(booking.start);
        const y = otherSlot(x);
        const [a, b] = await Promise.all([reschedule(booking, x, procA), reschedule(booking, y, procB)]);
        count(`reschedules ${a.status} + ${b.status}`);
        live.push(booking);
      },
    ],
    [
      8,
      'cancel',
      async () => {
        const booking = takeLive();
        if (booking && (await cancel(booking)).status !== 200) live.push(booking);
      },
    ],
    [
      8,
      'reschedule',
      async () => {
        const booking = takeLive();
        if (!booking) return;
        await reschedule(booking, otherSlot(booking.start));
        live.push(booking);
      },
    ],
    [
      20,
      'read',
      async () => {
        const service = pick(random, business.services);
        const day = business.slots[0].slice(0, 10);
        await send('GET', `/v1/availability?service=${service.id}&from=${day}&to=${day}`);
      },
    ],
  ];
  const chooseOp = weightedPicker(ops, random);

  const progress = setInterval(() => console.error(`r1: ${issued} of ${requests} requests`), 15_000);
  await runClients(clients, async () => {
    while (issued < requests) {
      const [, name, run] = chooseOp();
      count(name);
      await run();
    }
  });
  clearInterval(progress);
  const seconds = (performance.now() - started) / 1000;
  await writer.close();

  // Read back: the history through the API, then the rows once every server has stopped.
  const events = await bookingEvents(cluster.url(0), sk);
  await cluster.stop();
  const serviceIds = business.services.map((s) => s.id);
  const stored = await storedBookings(cluster.dbUrl, serviceIds);
  const capacity = await checkCapacity(cluster.dbUrl, business.services);
  const histories = checkHistories(stored, events);
  const lostOrWrong = [];
  for (const [id, ack] of acked) {
    const row = stored.get(id);
    if (!row) {
      lostOrWrong.push(`${id}: acknowledged but not stored`);
      continue;
    }
    if (ack.cancelled && row.status !== 'cancelled')
      lostOrWrong.push(`${id}: cancel acknowledged, status ${row.status}`);
    const allowed = new Set([
      ...ack.starts,
      ...ack.maybeStarts,
      ...(ack.starts.size === 0 ? [ack.createdStart] : []),
    ]);
    const storedStart = new Date(row.start).toISOString().replace('.000Z', 'Z');
    if (!allowed.has(storedStart)) {
      lostOrWrong.push(`${id}: stored start ${storedStart}, acknowledged ${[...allowed].join(' or ')}`);
    }
  }
  cluster.remove();

  const violations = [
    ...tally.serverErrors,
    ...(tally.count5xx > tally.serverErrors.length ? [`${tally.count5xx} 5xx in all`] : []),
    ...(tally.networkErrors > 0
      ? [
          `${tally.networkErrors} requests without an answer: ${JSON.stringify(Object.fromEntries(tally.noAnswer))}`,
        ]
      : []),
    ...tally.notProblem,
    ...capacity.over,
    ...histories,
    ...lostOrWrong,
    ...cluster.errorLines.map((line) => `server error log: ${line}`),
  ];
  return {
    name: 'r1',
    title: `R1 races: ${requests} requests, ${clients} clients, ${processes} processes`,
    seed,
    figures: {
      requests: tally.requests,
      seconds: Number(seconds.toFixed(1)),
      'requests/s': Math.round(tally.requests / seconds),
      'p99 ms': Number(percentile(tally.latencies, 99).toFixed(1)),
      '5xx': tally.count5xx,
      bookings: stored.size,
      'bookings cancelled': [...stored.values()].filter((b) => b.status === 'cancelled').length,
      'booked starts checked': capacity.slots,
      'over capacity': capacity.over.length,
      'broken histories': histories.length,
      'acknowledged changes not in the final state': lostOrWrong.length,
      'server error lines': cluster.errorLines.length,
    },
    statuses: tally.statuses(),
    counts,
    violations,
  };
}

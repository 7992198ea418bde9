/**
 * @module What must hold after a torture run, read back once the servers have stopped: every slot
 * within its capacity (bookings counted from the database), `PRAGMA integrity_check`, every
 * product's ledger summing to its on-hand, and each booking's event history (read through the API,
 * which keeps its shape whatever the storage) agreeing with the one final state it is in.
 */
import { api } from './cluster.js';
import { call } from './http.js';

/** Reads `sql` from the file at `dbUrl` in a connection of its own. */
async function query(dbUrl, sql, args = []) {
  const database = await api.openDatabase(dbUrl);
  try {
    return (await database.client.execute({ sql, args })).rows;
  } finally {
    await database.close();
  }
}

/**
 * The most bookings (pending or confirmed) that overlap at any instant on each service's resource,
 * against its capacity: `{ slots, over: [...] }` (`slots`: distinct booked starts checked).
 */
export async function checkCapacity(dbUrl, services) {
  const over = [];
  let slots = 0;
  for (const service of services) {
    const rows = await query(
      dbUrl,
      `SELECT block_start, block_end FROM bookings
       WHERE resource_id = ? AND status IN ('pending', 'confirmed')`,
      [service.resourceId],
    );
    // Sweep: +1 at each start, -1 at each end (an end before a start at the same instant).
    const edges = rows.flatMap((r) => [
      [Number(r.block_start), 1],
      [Number(r.block_end), -1],
    ]);
    edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    slots += new Set(rows.map((r) => Number(r.block_start))).size;
    let live = 0;
    for (const [at, step] of edges) {
      live += step;
      if (live > service.capacity) {
        over.push(
          `${service.id} (capacity ${service.capacity}) holds ${live} at ${new Date(at).toISOString()}`,
        );
      }
    }
  }
  return { slots, over };
}

/** `PRAGMA integrity_check`: `'ok'` or what SQLite found. */
export async function checkIntegrity(dbUrl) {
  const rows = await query(dbUrl, 'PRAGMA integrity_check');
  return rows.map((r) => Object.values(r)[0]).join('; ');
}

/** Every (sku, location) whose ledger does not sum to its on-hand: `{ levels, mismatched: [...] }`. */
export async function checkLedgers(dbUrl) {
  const rows = await query(
    dbUrl,
    `SELECT l.sku, l.location_id, l.on_hand,
       (SELECT coalesce(sum(m.delta), 0) FROM stock_movements m
        WHERE m.business_id = l.business_id AND m.sku = l.sku AND m.location_id = l.location_id) AS ledger
     FROM stock_levels l`,
  );
  const mismatched = rows
    .filter((r) => Number(r.on_hand) !== Number(r.ledger))
    .map((r) => `${r.sku}@${r.location_id}: on-hand ${r.on_hand}, ledger ${r.ledger}`);
  return { levels: rows.length, mismatched, onHand: new Map(rows.map((r) => [r.sku, Number(r.on_hand)])) };
}

/** The bookings of `serviceIds` as stored: id → `{ status, start }` (start in ms). */
export async function storedBookings(dbUrl, serviceIds) {
  const marks = serviceIds.map(() => '?').join(', ');
  const rows = await query(
    dbUrl,
    `SELECT id, status, start, notes FROM bookings WHERE service_id IN (${marks})`,
    serviceIds,
  );
  return new Map(rows.map((r) => [r.id, { status: r.status, start: Number(r.start), notes: r.notes }]));
}

/** Every `booking.*` event, oldest first, through `GET /v1/events` (a running server). */
export async function bookingEvents(url, secretKey) {
  const bySubject = new Map();
  let cursor;
  for (;;) {
    const page = await call(
      url,
      secretKey,
      'GET',
      `/v1/events?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    if (page.status !== 200) throw new Error(`GET /v1/events → ${page.status} ${page.text}`);
    for (const event of page.body.data) {
      if (!event.type.startsWith('booking.')) continue;
      const list = bySubject.get(event.subjectId) ?? [];
      list.push(event);
      bySubject.set(event.subjectId, list);
    }
    cursor = page.body.nextCursor;
    if (!cursor) return bySubject;
  }
}

/**
 * Each booking in exactly one final state, and its history leading there: one `booking.created`,
 * first; at most one `booking.cancelled`, last, present exactly when the status is cancelled; the
 * last start an event names is the stored start. Returns the bookings that break it.
 */
export function checkHistories(bookings, eventsBySubject) {
  const broken = [];
  for (const [id, booking] of bookings) {
    const events = eventsBySubject.get(id) ?? [];
    const types = events.map((e) => e.type);
    const problem = (why) => broken.push(`${id} (${booking.status}): ${why} [${types.join(', ')}]`);
    if (types[0] !== 'booking.created' || types.filter((t) => t === 'booking.created').length !== 1) {
      problem('not one booking.created first');
      continue;
    }
    const cancels = types.filter((t) => t === 'booking.cancelled').length;
    if (cancels > 1) problem('cancelled twice');
    if (cancels === 1 && types.at(-1) !== 'booking.cancelled') problem('changed after its cancellation');
    if ((booking.status === 'cancelled') !== (cancels === 1)) problem('status and history disagree');
    const moves = events.filter((e) => e.type === 'booking.created' || e.type === 'booking.rescheduled');
    const lastStart = Date.parse(moves.at(-1).payload.start);
    if (lastStart !== booking.start) {
      problem(
        `stored start ${new Date(booking.start).toISOString()} but history says ${moves.at(-1).payload.start}`,
      );
    }
  }
  return broken;
}

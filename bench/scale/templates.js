/**
 * @module The generator's templates: the rows the app itself writes for each kind of change. The
 * demo business answers real requests in process — a booking made, completed, cancelled and
 * rescheduled, a POS adjustment — with a clock set where each change is allowed, and every row
 * those requests wrote is read back to be copied (bench/scale/generate.js).
 */
const dist = new URL('../../packages/api/dist/', import.meta.url);
const api = await import(new URL('index.js', dist).href);
const DAY = 86_400_000;

/** Rows of `table` where `column = value`, as plain objects. */
async function rowsOf(db, table, column, value) {
  const result = await db.execute({
    // `events` is a view (no rowid), ordered by its id.
    sql: `SELECT * FROM "${table}" WHERE "${column}" = ? ORDER BY ${table === 'events' ? 'id' : 'rowid'}`,
    args: [value],
  });
  return result.rows.map((row) => Object.fromEntries(result.columns.map((c) => [c, row[c]])));
}

/**
 * Real requests on the demo business, in process, with a clock set where each change is allowed:
 * each answers the rows it wrote, to be copied.
 */
export async function captureTemplates(database, demo, now) {
  let clock = now;
  const app = api.createApp({
    database,
    clock: () => clock,
    logger: api.createJsonLogger({ level: 'error' }),
  });
  const call = async (method, path, body) => {
    const res = await app.request(`/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${demo.secretKey}`, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const services = (await call('GET', '/services')).data;
  const haircut = services.find((s) => s.name === 'Haircut');
  const day = new Date(now + 7 * DAY).toISOString().slice(0, 10);
  const until = new Date(now + 14 * DAY).toISOString().slice(0, 10);
  // One slot a day: the four bookings never overlap.
  const slots = (
    await call('GET', `/availability?service=${haircut.id}&from=${day}&to=${until}`)
  ).slots.filter((slot, i, all) => i === 0 || slot.start.slice(0, 10) !== all[i - 1].start.slice(0, 10));
  const customer = { name: 'Carla Ferreira', email: 'carla.ferreira@example.com', phone: '+351912345678' };
  const book = (slot) => call('POST', '/bookings', { service: haircut.id, start: slot.start, customer });

  // In time order (the clock only moves forward): the completion comes last.
  const completed = await book(slots[0]);
  const cancelled = await book(slots[1]);
  await call('POST', `/bookings/${cancelled.id}/cancel`, { reason: 'Cannot make it' });
  const rescheduled = await book(slots[2]);
  await call('POST', `/bookings/${rescheduled.id}/reschedule`, { start: slots[3].start });

  const product = (await call('GET', '/products')).data[0];
  const stock = await call('GET', `/products/${product.sku}/stock`);
  const eventId = 'pos-template-0000000001';
  clock = Date.parse(completed.end) + 60_000;
  await call('POST', `/bookings/${completed.id}/complete`, {});
  await call('POST', '/stock/adjustments', {
    eventId,
    sku: product.sku,
    locationId: stock.locations[0].locationId,
    delta: 1,
  });

  const db = database.client;
  const booking = async (id) => ({
    row: (await rowsOf(db, 'bookings', 'id', id))[0],
    events: await rowsOf(db, 'events', 'subject_id', id),
  });
  const movement = (await rowsOf(db, 'stock_movements', 'event_id', eventId))[0];
  const stockEvents = (await rowsOf(db, 'events', 'type', 'stock.changed'))
    .filter((e) => e.payload.includes(product.sku))
    .slice(-1);
  return {
    completed: await booking(completed.id),
    cancelled: await booking(cancelled.id),
    rescheduled: await booking(rescheduled.id),
    stock: {
      movement,
      seen: (await rowsOf(db, 'stock_events_seen', 'event_id', eventId))[0],
      events: stockEvents,
    },
  };
}

/**
 * @module A database at scale, in the app's own row formats: many businesses (each the demo
 * catalogue: three resources, four services, products and locations, made by the app's own
 * services), years of bookings with their events, and POS stock adjustments with theirs.
 *
 * The formats are not retyped here: the first business (the demo, with keys for the latency bench)
 * answers real requests through the app in process — a booking made, completed, cancelled and
 * rescheduled, a stock adjustment — and every row those requests wrote (bookings, events,
 * stock_movements, stock_events_seen) becomes a template. Bulk rows are copies of a template with
 * new ids, times, customers and owners (the template's values replaced in payload text too), written
 * in batched multi-row INSERTs with `synchronous=OFF` (generation only; the server opens the file
 * with its own settings). Seeded: the same arguments give the same rows but for random ids.
 *
 *   node bench/scale/generate.js --bookings 1000000 --businesses 1000 --out /tmp/scale-1m.db
 *   node bench/scale/generate.js --bookings 10000000 --businesses 10000 --out /tmp/scale-10m.db
 *
 * Options: --years 3 (history before today; bookings run to 60 days ahead), --stock 1 (stock
 * adjustments per booking), --seed 1, --now ISO (default: today at noon UTC; the same seed and
 * --now give the same rows but for the random part of ids), --defer-indexes (drop the bulk tables'
 * own indexes while their rows are written and build them once at the end: several times faster at
 * 10 M bookings, where every row otherwise lands in indexes far larger than the page cache; the
 * indexes come out densely packed, so measure latency with such a file, not size). Writes FILE.keys.json (the demo business's keys) beside the
 * file and prints rows/s per phase. Needs the built packages (`npx -y pnpm@10.34.8 -r run build`).
 */
import { createHash } from 'node:crypto';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { seededRandom } from '../torture/fixture.js';
import { BulkWriter, Later } from './bulk.js';
import { captureTemplates } from './templates.js';

const dist = new URL('../../packages/api/dist/', import.meta.url);
const api = await import(new URL('index.js', dist).href);
const { createBusiness } = await import(new URL('services/business.js', dist).href);
const { seedCatalog } = await import(new URL('services/demo.js', dist).href);
const { seedDemoStock } = await import(new URL('services/demo-stock.js', dist).href);
const { newId } = await import(new URL('ids.js', dist).href);

const DAY = 86_400_000;

export function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      bookings: { type: 'string', default: '1000000' },
      businesses: { type: 'string', default: '1000' },
      years: { type: 'string', default: '3' },
      stock: { type: 'string', default: '1' },
      seed: { type: 'string', default: '1' },
      now: { type: 'string' },
      out: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      'defer-indexes': { type: 'boolean', default: false },
    },
  });
  const bookings = Number(values.bookings);
  const businesses = Number(values.businesses);
  return {
    bookings,
    businesses,
    years: Number(values.years),
    stockPerBooking: Number(values.stock),
    seed: Number(values.seed),
    // "Today" at noon UTC unless given: history ends today, so a server started now sees it as the past.
    now: values.now ? Date.parse(values.now) : Math.floor(Date.now() / DAY) * DAY + DAY / 2,
    out: resolve(values.out ?? `/tmp/frontdesk-scale-${bookings}.db`),
    quiet: values.quiet,
    deferIndexes: values['defer-indexes'],
  };
}

const firstNames = ['Ana', 'Bruno', 'Carla', 'Duarte', 'Eva', 'Filipe', 'Gabriela', 'Hugo', 'Inês', 'João'];
const lastNames = ['Silva', 'Santos', 'Ferreira', 'Pereira', 'Oliveira', 'Costa', 'Rodrigues', 'Martins'];

/**
 * Generates the database described by `options` and answers what it made. `log` prints progress.
 */
export async function generate(options, log = console.log) {
  const { out } = options;
  for (const suffix of ['', '-wal', '-shm', '.keys.json']) if (existsSync(out + suffix)) rmSync(out + suffix);
  const url = pathToFileURL(out).href;
  const random = seededRandom(options.seed);
  const { now } = options;
  const started = performance.now();

  // 1. The demo business (keys for the latency bench) and the others, by the app's services.
  const database = await api.openDatabase(url);
  await api.migrate(database);
  // The businesses open a month before the history starts; the template requests follow at once.
  const opened = now - options.years * 365 * DAY - 30 * DAY;
  const demo = await api.seedDemo(database, opened);
  writeFileSync(
    `${out}.keys.json`,
    JSON.stringify({
      businessId: demo.businessId,
      publishableKey: demo.publishableKey,
      secretKey: demo.secretKey,
    }),
  );
  let made = 1;
  const perTransaction = 50;
  while (made < options.businesses) {
    const upTo = Math.min(options.businesses, made + perTransaction);
    await database.write(async (tx) => {
      for (let i = made; i < upTo; i++) {
        const created = opened;
        const business = await createBusiness(
          tx,
          { name: `Scale business ${i}`, timezone: 'Europe/Lisbon' },
          created,
        );
        await seedCatalog(tx, business.id, created);
        await seedDemoStock(tx, business.id, created);
      }
    });
    made = upTo;
  }
  const businessesDone = performance.now();
  log(`businesses: ${options.businesses} in ${((businessesDone - started) / 1000).toFixed(1)} s`);

  // 2. Templates: what the app writes for each kind of change, from real requests.
  // Before the history starts, so that the rows these requests write come first in time too.
  const templates = await captureTemplates(database, demo, opened);
  await database.close();

  // 3. Bulk rows: copies of the templates.
  const client = await bulkClient(out);
  await client.execute('PRAGMA synchronous=OFF');
  await client.execute('PRAGMA journal_mode=WAL');
  // A large page cache: index pages are touched in random order (ids by creation, subjects random).
  await client.execute('PRAGMA cache_size=-524288');
  const owners = await ownersOf(client);
  const deferred = options.deferIndexes ? await dropBulkIndexes(client) : [];
  const counts = await writeBulk(client, options, templates, owners, random, now, log);
  if (deferred.length > 0) {
    const indexing = performance.now();
    for (const { sql } of deferred) await client.execute(sql);
    log(`indexes: ${deferred.length} built in ${((performance.now() - indexing) / 1000).toFixed(1)} s`);
  }
  // As a running worker leaves it: the mail producer has read the whole log (see event-retention).
  await client.execute(
    "UPDATE producer_cursors SET event_id = (SELECT max(id) FROM event_rows) WHERE name = 'mail'",
  );
  await client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
  client.close();
  const seconds = (performance.now() - started) / 1000;
  return { out, seconds, counts, demo };
}

/**
 * The file through `libsql`'s own synchronous API with each statement prepared once and reused:
 * `@libsql/client` prepares every statement of a batch anew, and the native memory of those large
 * multi-row INSERTs was only given back at garbage collection (1.1 GB resident per 100,000
 * bookings). The shape of the few calls used here: `execute(sql | {sql, args})`, `batch`, `close`.
 */
async function bulkClient(file) {
  const apiRequire = createRequire(new URL('../../packages/api/package.json', import.meta.url));
  const { default: Database } = await import(pathToFileURL(apiRequire.resolve('libsql')).href);
  const db = new Database(file);
  const statements = new Map();
  const prepared = (sql) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  return {
    async execute(query) {
      const { sql, args = [] } = typeof query === 'string' ? { sql: query } : query;
      if (/^\s*PRAGMA/i.test(sql)) {
        db.exec(sql);
        return { rows: [] };
      }
      if (/^\s*SELECT/i.test(sql)) return { rows: prepared(sql).all(...args) };
      prepared(sql).run(...args);
      return { rows: [] };
    },
    async batch(list) {
      db.exec('BEGIN');
      try {
        for (const { sql, args } of list) prepared(sql).run(...args);
        db.exec('COMMIT');
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
    },
    close: () => db.close(),
  };
}

/** Drops the bulk tables' declared indexes (not their keys) and answers how to build them again. */
async function dropBulkIndexes(client) {
  const { rows } = await client.execute(
    `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
     AND tbl_name IN ('bookings', 'event_rows', 'stock_movements', 'stock_events_seen') ORDER BY name`,
  );
  for (const { name } of rows) await client.execute(`DROP INDEX "${name}"`);
  return rows;
}

/** Each business's haircut service, its two resources and its first product and location. */
async function ownersOf(client) {
  const rows = (
    await client.execute(`SELECT b.id AS business, s.id AS service,
      (SELECT group_concat(resource_id) FROM service_resources sr WHERE sr.service_id = s.id) AS resources,
      (SELECT sku FROM products p WHERE p.business_id = b.id ORDER BY sku LIMIT 1) AS sku,
      (SELECT id FROM locations l WHERE l.business_id = b.id ORDER BY id LIMIT 1) AS location
      FROM businesses b JOIN services s ON s.business_id = b.id AND s.name = 'Haircut' ORDER BY b.rowid`)
  ).rows;
  return rows.map((r) => ({
    business: r.business,
    service: r.service,
    resources: String(r.resources).split(','),
    sku: r.sku,
    location: r.location,
  }));
}

/** Replaces every template value in `text` (payload JSON) by its new value. */
function substitute(text, pairs) {
  let outText = text;
  for (const [from, to] of pairs) if (from !== to && from) outText = outText.split(from).join(to);
  return outText;
}

const iso = (ms) => new Date(ms).toISOString();

/**
 * Rows in the order a live server writes them — by time, so ids grow with time as they do there
 * (what retention and compaction walk by, and what fills B-tree pages the way production does):
 * day by day over the history, each booking made 1 hour to 30 days before its start, its later
 * event (completed, cancelled, rescheduled) written when it happens, a POS adjustment beside each.
 */
async function writeBulk(client, options, templates, owners, random, now, log) {
  const writer = new BulkWriter(client);
  const first = now - options.years * 365 * DAY;
  const days = Math.round((now - first) / DAY);
  const started = performance.now();
  const later = new Later();
  const onHand = new Map(); // per business|sku|location: change from the seeded count
  let posEvent = 0;
  let made = 0;
  let reported = 0;
  const flushLater = (until) => {
    for (let item = later.popUntil(until); item; item = later.popUntil(until)) writer.add('events', item.row);
  };
  for (let d = 0; d < days; d++) {
    const count = Math.floor(((d + 1) * options.bookings) / days) - Math.floor((d * options.bookings) / days);
    const offsets = Array.from({ length: count }, () => Math.floor(random() * DAY)).sort((x, y) => x - y);
    for (const offset of offsets) {
      const createdAt = first + d * DAY + offset;
      flushLater(createdAt);
      const owner = owners[Math.floor(random() * owners.length)];
      // Opening hours, roughly: 09:00–18:45 on a 15-minute grid, 1 hour to 30 days ahead.
      const ahead = createdAt + 3_600_000 + Math.floor(random() * 30 * DAY);
      let start = Math.floor(ahead / DAY) * DAY + 9 * 3_600_000 + Math.floor(random() * 40) * 900_000;
      if (start <= createdAt) start += DAY;
      const roll = random();
      const kind = roll < 0.1 ? 'cancelled' : roll < 0.15 ? 'rescheduled' : 'completed';
      const name = `${firstNames[Math.floor(random() * firstNames.length)]} ${lastNames[Math.floor(random() * lastNames.length)]}`;
      const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${Math.floor(random() * 1e6)}@example.com`;
      for (const item of writeBooking(writer, templates[kind], {
        owner,
        start,
        createdAt,
        kind,
        name,
        email,
        random,
        now,
      })) {
        later.push(item);
      }
      for (let s = 0; s < options.stockPerBooking; s++) {
        const stockOwner = owners[Math.floor(random() * owners.length)];
        const key = `${stockOwner.business}|${stockOwner.sku}|${stockOwner.location}`;
        const level = onHand.get(key) ?? 0;
        // Sales and deliveries; never below the seeded count, so on-hand stays at or above zero.
        const delta = level > 0 && random() < 0.5 ? -1 : 1;
        onHand.set(key, level + delta);
        writeStock(
          writer,
          templates.stock,
          stockOwner,
          `pos-${String(++posEvent).padStart(16, '0')}`,
          delta,
          createdAt + s,
        );
      }
      made++;
      if (writer.pending >= 20_000) {
        await writer.flush();
        if (Math.floor(made / 100_000) > reported && !options.quiet) {
          reported = Math.floor(made / 100_000);
          const seconds = (performance.now() - started) / 1000;
          const rows = [...writer.written.values()].reduce((a, b) => a + b, 0);
          log(
            `  ${made} bookings, ${rows} rows, ${Math.round(rows / seconds)} rows/s, ` +
              `${Math.round(process.memoryUsage().rss / 1_048_576)} MiB resident (heap ${Math.round(process.memoryUsage().heapUsed / 1_048_576)} MiB)`,
          );
        }
      }
    }
  }
  flushLater(now);
  await writer.flush(true);
  // On-hand kept equal to the ledger (the stock read and its invariant).
  const updates = [...onHand].map(([key, delta]) => {
    const [business, sku, location] = key.split('|');
    return {
      sql: 'UPDATE stock_levels SET on_hand = on_hand + ? WHERE business_id = ? AND sku = ? AND location_id = ?',
      args: [delta, business, sku, location],
    };
  });
  for (let i = 0; i < updates.length; i += 5_000) await client.batch(updates.slice(i, i + 5_000), 'write');
  const seconds = (performance.now() - started) / 1000;
  const rows = [...writer.written.values()].reduce((a, b) => a + b, 0);
  log(
    `rows: ${rows} in ${seconds.toFixed(1)} s, ${Math.round(rows / seconds)} rows/s (${[...writer.written].map(([t, n]) => `${t} ${n}`).join(', ')})`,
  );
  return Object.fromEntries(writer.written);
}

/**
 * Writes a booking and its `booking.created`; answers its later event, if it has happened by `now`
 * (else the booking is still confirmed).
 */
function writeBooking(writer, template, { owner, start, createdAt, kind, name, email, random, now }) {
  const t = template.row;
  const id = newId('bkg', createdAt);
  const duration = Number(t.end) - Number(t.start);
  const resource = owner.resources[Math.floor(random() * owner.resources.length)];
  const end = start + duration;
  // Completed after its end; cancelled or moved between when it was made and when it starts.
  const at = kind === 'completed' ? end + 60_000 : createdAt + Math.floor(random() * (start - createdAt));
  const happened = at <= now;
  const row = {
    ...t,
    id,
    business_id: owner.business,
    service_id: owner.service,
    resource_id: resource,
    status: happened ? t.status : 'confirmed',
    start,
    end,
    block_start: start - (Number(t.start) - Number(t.block_start)),
    block_end: end + (Number(t.block_end) - Number(t.end)),
    customer_name: name,
    customer_email: email,
    manage_token_hash: createHash('sha256').update(id).digest(),
    sequence: happened ? t.sequence : 0,
    created_at: createdAt,
    updated_at: happened ? at : createdAt,
  };
  writer.add('bookings', row);
  const pairs = [
    [t.id, id],
    [t.business_id, owner.business],
    [t.service_id, owner.service],
    [t.resource_id, resource],
    [iso(Number(t.start)), iso(start)],
    [iso(Number(t.end)), iso(end)],
  ];
  const eventRow = (e, when) => ({
    ...e,
    id: undefined,
    business_id: owner.business,
    subject_id: id,
    payload: substitute(e.payload, [
      ...pairs,
      [iso(Number(e.created_at)), iso(when)],
      [iso(Number(t.created_at)), iso(createdAt)],
    ]),
    created_at: when,
  });
  const [created, ...rest] = template.events;
  writer.add('events', eventRow(created, createdAt));
  return happened ? rest.map((e) => ({ at, row: eventRow(e, at) })) : [];
}

function writeStock(writer, template, owner, eventId, delta, at) {
  const { movement, seen, events } = template;
  const pairs = [
    [movement.event_id, eventId],
    [movement.business_id, owner.business],
    [movement.sku, owner.sku],
    [movement.location_id, owner.location],
  ];
  writer.add('stock_movements', {
    ...movement,
    id: newId('mov', at),
    business_id: owner.business,
    sku: owner.sku,
    location_id: owner.location,
    requested: delta,
    delta,
    event_id: eventId,
    occurred_at: at,
    created_at: at,
  });
  writer.add('stock_events_seen', {
    ...seen,
    business_id: owner.business,
    event_id: eventId,
    answer: substitute(seen.answer, pairs),
    created_at: at,
  });
  for (const e of events) {
    writer.add('events', {
      ...e,
      id: undefined,
      business_id: owner.business,
      subject_id: substitute(e.subject_id, pairs),
      payload: substitute(e.payload, pairs),
      created_at: at,
    });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const options = parseOptions(process.argv.slice(2));
  const result = await generate(options);
  console.log(
    `${result.out}: ${options.bookings} bookings, ${options.businesses} businesses in ${result.seconds.toFixed(1)} s`,
  );
}

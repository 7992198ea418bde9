/**
 * @module How the event log is stored since migration 0016 (issue 15, goal 3: bytes per booking):
 * its repeated strings once in `event_names`, the rows holding their numbers, a compacted booking
 * event without its own id — and what every reader still answers, on a new file and on one made
 * before 0016 and migrated.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../src/db/migrate.js';
import { compactSettledEvents } from '../src/services/event-compaction.js';
import { eventLogBefore0016 } from './event-log-legacy.js';
import { allEvents } from './event-pages.js';
import { createStockTestApp, type StockTestApp } from './stock-fixtures.js';

let t: StockTestApp;
afterEach(async () => t?.close());

const customer = { name: 'Maria Silva', email: 'maria@example.com' };

async function bookTwoCancelOne() {
  const { serviceIds } = t.catalog!;
  const ids: string[] = [];
  for (const start of ['2026-03-03T10:00:00Z', '2026-03-03T14:00:00Z']) {
    const booked = await t.call<{ id: string }>('POST', '/v1/bookings', {
      service: serviceIds.haircut,
      start,
      customer,
    });
    expect(booked.status).toBe(201);
    ids.push(booked.body.id);
  }
  expect((await t.call('POST', `/v1/bookings/${ids[1]}/cancel`, {})).status).toBe(200);
  return ids;
}

const count = async (query: string, ...args: string[]) =>
  Number((await t.db.client.execute({ sql: query, args })).rows[0]![0]);

describe('the event log', () => {
  it('stores each business, type and subject once; a compacted booking event leaves its id out and reads the same', async () => {
    t = await createStockTestApp();
    const [first] = await bookTwoCancelOne();
    const events = await allEvents(t, 5);
    expect(events.filter((e) => e.subjectId === first).map((e) => e.type)).toEqual(['booking.created']);

    expect(await count('SELECT count(*) FROM event_rows')).toBe(events.length);
    expect(await count('SELECT count(*) FROM event_names WHERE name = ?', t.businessId)).toBe(1);
    expect(await count('SELECT count(*) FROM event_names WHERE name = ?', 'booking.created')).toBe(1);
    expect(await count('SELECT count(*) FROM event_names WHERE name = ?', first!)).toBe(1);
    // The rows hold numbers, not the names.
    expect(await count("SELECT count(*) FROM event_rows WHERE typeof(business) <> 'integer'")).toBe(0);

    t.clock.set('2026-03-02T10:00:00Z');
    expect((await compactSettledEvents(t.db, { now: t.clock() })).compacted).toBeGreaterThan(0);
    const stored = await t.db.client.execute({
      sql: `SELECT r.payload FROM event_rows r JOIN events e ON e.id = r.id
            WHERE e.subject_id = ? AND e.type = 'booking.created'`,
      args: [first!],
    });
    const bytes = Buffer.from(stored.rows[0]![0] as ArrayBuffer);
    expect(bytes[0]).toBe(2);
    expect(bytes.includes(Buffer.from(first!.slice(4)))).toBe(false);
    expect(await allEvents(t, 5)).toEqual(events);
    const history = await t.call<{ data: { payload: { id: string } }[] }>(
      'GET',
      `/v1/bookings/${first}/events`,
    );
    expect(history.body.data.map((e) => e.payload.id)).toEqual([first]);
  });

  it('takes writes through the view as tools make them: a compacted row rewritten or copied, INSERT OR REPLACE', async () => {
    t = await createStockTestApp();
    const [first] = await bookTwoCancelOne();
    t.clock.set('2026-03-02T10:00:00Z');
    await compactSettledEvents(t.db, { now: t.clock() });
    const before = await allEvents(t, 50);
    const created = before.find((e) => e.subjectId === first && e.type === 'booking.created')!;
    const businessNo = await count('SELECT no FROM event_names WHERE name = ?', t.businessId);

    // A compacted payload read through the view carries its subject; written back, it is stored without.
    await t.db.client.execute('UPDATE events SET payload = payload');
    await t.db.client.execute({
      sql: `INSERT OR REPLACE INTO events (business_id, type, subject_id, payload, actor, created_at)
            SELECT business_id, type, subject_id, payload, actor, created_at + 1 FROM events WHERE id = ?`,
      args: [created.id],
    });
    const after = await allEvents(t, 50);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({
      type: 'booking.created',
      subjectId: first,
      payload: created.payload,
    });
    // The names kept their numbers (an outer OR REPLACE does not reach the names' insert).
    expect(await count('SELECT no FROM event_names WHERE name = ?', t.businessId)).toBe(businessNo);
  });

  it('is migrated from a file made before 0016: the same events under the same ids, and no id given twice', async () => {
    t = await createStockTestApp();
    await bookTwoCancelOne();
    // The newest event deleted: its id must not come back after the migration.
    const newest = await count('SELECT max(id) FROM event_rows');
    await t.db.client.execute({ sql: 'DELETE FROM event_rows WHERE id = ?', args: [newest] });
    const before = await allEvents(t, 4);
    await eventLogBefore0016(t.db.client);
    expect(await count("SELECT count(*) FROM sqlite_master WHERE name = 'events' AND type = 'table'")).toBe(
      1,
    );

    await migrate(t.db);
    expect(await count("SELECT count(*) FROM sqlite_master WHERE name = 'events' AND type = 'view'")).toBe(1);
    expect(await allEvents(t, 4)).toEqual(before);
    const booked = await t.call<{ id: string }>('POST', '/v1/bookings', {
      service: t.catalog!.serviceIds.haircut,
      start: '2026-03-04T10:00:00Z',
      customer,
    });
    expect(booked.status).toBe(201);
    const after = await allEvents(t, 50);
    const created = after.find((e) => e.subjectId === booked.body.id)!;
    expect(created.id).toBeGreaterThan(newest);
    expect(after.length).toBe(before.length + 1);
  });
});

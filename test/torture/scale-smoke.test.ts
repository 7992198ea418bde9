/**
 * @module A smoke run of the scale generator (bench/scale/generate.js) on the built packages: 2,000
 * bookings over 5 businesses, in a few seconds. It checks what the large runs rely on without
 * looking: every booking written with its events in the app's formats, ids growing with time (what
 * the event log's upkeep walks by), on-hand equal to the ledger, and a size per booking measured.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { generate, parseOptions } from '../../bench/scale/generate.js';
import { sizeOf } from '../../bench/scale/size.js';

const dir = mkdtempSync(join(tmpdir(), 'frontdesk-scale-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const apiRequire = createRequire(new URL('../../packages/api/package.json', import.meta.url));
/** The api package's libSQL client (the root package does not depend on it). */
const { createClient } = (await import(pathToFileURL(apiRequire.resolve('@libsql/client')).href)) as {
  createClient(config: { url: string }): {
    execute(sql: string): Promise<{ rows: Record<string, unknown>[] }>;
    close(): void;
  };
};

describe('bench/scale/generate.js', () => {
  it('builds 2,000 bookings with their events and stock movements, in time order, ledger equal to on-hand', async () => {
    const out = join(dir, 'smoke.db');
    const options = parseOptions(['--bookings', '2000', '--businesses', '5', '--out', out, '--quiet']);
    const result = await generate(options, () => undefined);
    expect(result.counts).toMatchObject({ bookings: 2000, stock_movements: 2000, stock_events_seen: 2000 });
    expect(result.counts.events).toBeGreaterThan(2000 * 2.5);

    const client = createClient({ url: pathToFileURL(out).href });
    try {
      const one = async (query: string) => (await client.execute(query)).rows[0]!;
      // Ids grow with time: no event is older than one written before it (a day of slack for the
      // demo's own requests at the start).
      const disorder = await one(`SELECT count(*) AS n FROM events a JOIN events b ON b.id = a.id + 1
        WHERE b.created_at < a.created_at - 86400000`);
      expect(Number(disorder.n)).toBe(0);
      // Every booking has its booking.created, in the app's payload shape.
      const created = await one(`SELECT count(*) AS n FROM bookings b WHERE NOT EXISTS (
        SELECT 1 FROM events e WHERE e.subject_id = b.id AND e.type = 'booking.created')`);
      expect(Number(created.n)).toBe(0);
      const sample = await one(
        `SELECT payload FROM events WHERE type = 'booking.created' ORDER BY id DESC LIMIT 1`,
      );
      expect(Object.keys(JSON.parse(String(sample.payload)))).toEqual(
        expect.arrayContaining(['id', 'status', 'serviceId', 'resourceId', 'start', 'end', 'sequence']),
      );
      const ledger = await one(`SELECT count(*) AS n FROM stock_levels l WHERE l.on_hand <> (
        SELECT coalesce(sum(m.delta), 0) FROM stock_movements m
        WHERE m.business_id = l.business_id AND m.sku = l.sku AND m.location_id = l.location_id)`);
      expect(Number(ledger.n)).toBe(0);
      expect((await one('PRAGMA integrity_check')).integrity_check).toBe('ok');
    } finally {
      client.close();
    }
    const size = await sizeOf(out);
    expect(size.bookings).toBe(2003);
    expect(size.tables.map((t) => t.table)).toEqual(
      expect.arrayContaining(['event_rows', 'event_names', 'bookings']),
    );
  });
});

/**
 * @module How a booking is stored since migration 0014 (issue 15, goal 3: bytes per booking), and
 * what still answers through it: a manage-token hash is 32 raw bytes (a database made before keeps
 * working once migrated), and a service still running a booking cannot be deleted without the
 * index by service that the migration dropped.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../src/db/migrate.js';
import { eventLogBefore0016 } from './event-log-legacy.js';
import { call, customer, setupSalon } from './fixtures.js';
import { createTestApp, type TestApp } from './helpers.js';

let t: TestApp;
afterEach(async () => t?.close());

async function book(start: string): Promise<{ id: string; manageToken: string }> {
  const salon = await setupSalon(t);
  const booked = await call<{ id: string; manageToken: string }>(t, 'POST', '/v1/bookings', {
    key: t.publishableKey,
    body: { service: salon.serviceId, start, customer },
  });
  expect(booked.status).toBe(201);
  return booked.body;
}

const storedHash = async (id: string) =>
  (
    await t.db.client.execute({
      sql: 'SELECT typeof(manage_token_hash) AS type, length(manage_token_hash) AS bytes FROM bookings WHERE id = ?',
      args: [id],
    })
  ).rows[0];

describe('the manage-token hash as bytes', () => {
  it('stores 32 bytes and opens the booking with its token only', async () => {
    t = await createTestApp();
    const { id, manageToken } = await book('2026-03-05T09:00:00Z');
    expect(await storedHash(id)).toMatchObject({ type: 'blob', bytes: 32 });
    const pk = { key: t.publishableKey };
    expect((await call(t, 'GET', `/v1/bookings/${id}?token=${manageToken}`, pk)).status).toBe(200);
    expect((await call(t, 'GET', `/v1/bookings/${id}?token=${manageToken}x`, pk)).status).toBe(404);
    expect((await call(t, 'GET', `/v1/bookings/${id}?token=`, pk)).status).toBe(404);
  });

  it('converts the hex hashes of a database made before migration 0014, whose links still open', async () => {
    t = await createTestApp();
    const { id, manageToken } = await book('2026-03-05T09:00:00Z');
    // The database as it was before 0014: hex hashes (lower case, as `sha256()` wrote them), their
    // unique index and the index by service, the index by resource of 0015's predecessors, and
    // neither 0014 (the 15th migration) nor any later one recorded as applied.
    await eventLogBefore0016(t.db.client);
    await t.db.client.executeMultiple(`
      UPDATE bookings SET manage_token_hash = lower(hex(manage_token_hash));
      CREATE UNIQUE INDEX bookings_manage_token_hash_unique ON bookings (manage_token_hash);
      CREATE INDEX bookings_service_end ON bookings (service_id, "end");
      DROP INDEX bookings_live_by_resource;
      CREATE INDEX bookings_resource_time ON bookings (resource_id, block_start, block_end);
      DELETE FROM __drizzle_migrations WHERE created_at >=
        (SELECT created_at FROM __drizzle_migrations ORDER BY created_at LIMIT 1 OFFSET 14);`);
    expect(await storedHash(id)).toMatchObject({ type: 'text', bytes: 64 });

    await migrate(t.db);
    expect(await storedHash(id)).toMatchObject({ type: 'blob', bytes: 32 });
    const indexes = await t.db.client.execute("SELECT name FROM sqlite_master WHERE tbl_name = 'bookings'");
    expect(indexes.rows.map((row) => row.name)).not.toContain('bookings_manage_token_hash_unique');
    // 0015: the index by resource holds live bookings only.
    expect(indexes.rows.map((row) => row.name)).not.toContain('bookings_resource_time');
    expect(indexes.rows.map((row) => row.name)).toContain('bookings_live_by_resource');
    const pk = { key: t.publishableKey };
    const mine = await call(t, 'GET', `/v1/bookings/${id}?token=${manageToken}`, pk);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ id, customer });
    expect((await call(t, 'POST', `/v1/bookings/${id}/cancel?token=${manageToken}`, pk)).status).toBe(200);
  });
});

describe('deleting a service', () => {
  it('is refused while one of its bookings is under way, and allowed once it is over', async () => {
    t = await createTestApp();
    const { id } = await book('2026-03-05T09:00:00Z');
    const { body: booking } = await call<{ serviceId: string }>(t, 'GET', `/v1/bookings/${id}`);
    t.clock.set('2026-03-05T09:20:00Z'); // 20 minutes into the 30-minute booking
    const refused = await call(t, 'DELETE', `/v1/services/${booking.serviceId}`);
    expect(refused.status).toBe(409);
    t.clock.set('2026-03-05T09:31:00Z');
    expect((await call(t, 'DELETE', `/v1/services/${booking.serviceId}`)).status).toBe(204);
  });
});

/**
 * @module Regressions for the security review: secrets at rest, publishable-key limits, customer
 * reschedules, revoked stream keys, hold caps, and the smaller HTTP findings.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { call, customer, setupSalon } from './fixtures.js';
import { createTestApp, type TestApp } from './helpers.js';

let t: TestApp;
afterEach(async () => t?.close());

/** Every text value of every row of every table, as `table.column`. */
async function everyStoredText(app: TestApp): Promise<Array<{ where: string; value: string }>> {
  const tables = await app.db.client.execute(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
  );
  const found: Array<{ where: string; value: string }> = [];
  for (const table of tables.rows) {
    const name = String(table.name);
    const rows = await app.db.client.execute(`SELECT * FROM "${name}"`);
    for (const row of rows.rows) {
      for (const column of rows.columns) {
        const value = row[column];
        if (typeof value === 'string') found.push({ where: `${name}.${column}`, value });
      }
    }
  }
  return found;
}

describe('idempotent answers at rest', () => {
  it('keeps no manage token or customer email in clear outside the booking, and a replay still gets the token', async () => {
    t = await createTestApp();
    const salon = await setupSalon(t);
    const request = {
      key: t.publishableKey,
      headers: { 'Idempotency-Key': 'retry-me-1' },
      body: { service: salon.serviceId, start: '2026-03-03T09:00:00Z', customer },
    };
    const first = await call<{ id: string; manageToken: string }>(t, 'POST', '/v1/bookings', request);
    expect(first.status).toBe(201);
    const token = first.body.manageToken;
    expect(token).toMatch(/\w{20,}/);

    const stored = await everyStoredText(t);
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.filter((s) => s.value.includes(token))).toEqual([]);
    expect(stored.filter((s) => s.value.includes('retry-me-1'))).toEqual([]);
    // The booking itself must hold the customer's address; nothing else may.
    expect(stored.filter((s) => s.value.includes(customer.email)).map((s) => s.where)).toEqual([
      'bookings.customer_email',
    ]);

    const replay = await call<{ id: string; manageToken: string }>(t, 'POST', '/v1/bookings', request);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
  });
});

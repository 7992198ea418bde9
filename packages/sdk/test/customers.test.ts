/**
 * @module `@frontdesk/sdk/customers`: the customers methods against the real API (msw into the Hono
 * app) — list with search and paging, get under any casing, notes, export, erasure — and the typed
 * errors a publishable key and a malformed email get.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomerClient } from '../src/customers.js';
import { isFrontdeskError, PermissionError, ValidationError } from '../src/index.js';
import { type Bench, baseUrl, fastRetry, startBench, stopBench } from './harness.js';

describe('createCustomerClient', () => {
  let bench: Bench;
  let client: ReturnType<typeof createCustomerClient>;
  beforeAll(async () => {
    bench = await startBench();
    client = createCustomerClient({ baseUrl, key: bench.secretKey, retry: fastRetry });
    const { serviceIds, resourceIds } = bench.catalog!;
    for (const [start, customer] of [
      ['2026-03-03T10:00:00Z', { name: 'Rosa Mendes', email: 'Rosa@Example.com', phone: '+351 912 345 678' }],
      ['2026-03-03T11:00:00Z', { name: 'Rosa Mendes', email: 'rosa@example.com' }],
      ['2026-03-03T14:00:00Z', { name: 'Tiago Reis', email: 'tiago@example.com' }],
    ] as const) {
      await bench.public.bookings.create({
        service: serviceIds.haircut,
        resource: resourceIds.ana,
        start,
        customer,
      });
    }
  });
  afterAll(() => stopBench(bench));

  it('lists, searches and pages; reads one customer under any casing', async () => {
    const all = [];
    for await (const customer of client.customers.list({ limit: 1 })) all.push(customer.email);
    expect(all).toEqual(['rosa@example.com', 'tiago@example.com']);
    const found = await client.customers.list({ q: '912 345' });
    expect(found.data.map((c) => [c.email, c.bookings])).toEqual([['rosa@example.com', 2]]);
    const rosa = await client.customers.get('ROSA@example.com');
    expect(rosa).toMatchObject({ name: 'Rosa Mendes', bookings: 2, visits: 0 });
    expect(rosa.history.bookings).toHaveLength(2);
  });

  it('keeps notes, exports, erases (then the customer is gone)', async () => {
    expect(await client.customers.setNotes('tiago@example.com', 'Left-handed')).toMatchObject({
      notes: 'Left-handed',
    });
    const data = await client.customers.export('tiago@example.com');
    expect(data).toMatchObject({ email: 'tiago@example.com', notes: { notes: 'Left-handed' } });
    expect(data.bookings).toHaveLength(1);
    const erased = await client.customers.erase('tiago@example.com');
    expect(erased.bookingIds).toEqual([data.bookings[0]!.id]);
    expect(erased.erased.bookings).toBe(1);
    const error = await client.customers.get('tiago@example.com').catch((e: unknown) => e);
    expect(isFrontdeskError(error) && error.status).toBe(404);
  });

  it('throws typed errors: a publishable key is refused, a malformed email is invalid', async () => {
    const publicClient = createCustomerClient({ baseUrl, key: bench.publishableKey, retry: fastRetry });
    await expect(publicClient.customers.list()).rejects.toBeInstanceOf(PermissionError);
    await expect(client.customers.get('not-an-email')).rejects.toBeInstanceOf(ValidationError);
  });
});

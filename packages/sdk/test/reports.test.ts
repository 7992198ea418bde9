/**
 * @module `@frontdesk/sdk/reports` against the real API: a booking made and completed through the
 * SDK shows in the report of its week (and the revenue of its price), the week before is the
 * comparison, and the API's refusals arrive as the SDK's typed errors.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PermissionError, ValidationError } from '../src/index.js';
import { createReportsClient } from '../src/reports.js';
import { createSalon, customer, day } from './fixtures.js';
import { type Bench, baseUrl, fastRetry, startBench, stopBench } from './harness.js';

let bench: Bench;
beforeAll(async () => {
  bench = await startBench({ catalog: false });
});
afterAll(() => stopBench(bench));

it('reports a booking in its week, with the week before to compare', async () => {
  const salon = await createSalon(bench.admin);
  const haircut = await salon.service({ price: { amount: 2500, currency: 'EUR' } });
  const booking = await bench.admin.bookings.create({
    service: haircut.id,
    start: `${day}T10:00:00Z`,
    customer,
  });
  await bench.admin.bookings.create({ service: haircut.id, start: `${day}T11:00:00Z`, customer });
  bench.clock.set(`${day}T12:00:00Z`);
  const completed = await bench.app.request(`/v1/bookings/${booking.id}/complete`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${bench.secretKey}` },
  });
  expect(completed.status).toBe(200);

  const client = createReportsClient({ baseUrl, key: bench.secretKey, retry: fastRetry });
  const report = await client.reports.bookings({ from: '2026-03-02', to: '2026-03-08', groupBy: 'day' });
  expect(report.current.totals).toMatchObject({ total: 2, completed: 1, confirmed: 1 });
  expect(report.current.revenue).toEqual([{ currency: 'EUR', amount: 2500, bookings: 1 }]);
  expect(report.current.groups.find((g) => g.key === day)?.counts.total).toBe(2);
  expect(report.current.heatmap[1]?.[10]).toBe(1); // Tuesday, 10:00 in Lisbon (UTC+0 in March)
  expect(report.previous.period).toMatchObject({ from: '2026-02-23', to: '2026-03-01' });
  expect(report.previous.totals.total).toBe(0);

  const stock = await client.reports.stock({ from: '2026-03-02', to: '2026-03-08' });
  expect(stock.current.reservations.total).toBe(0);
});

it('throws the typed errors of refused and invalid requests', async () => {
  const publishable = createReportsClient({ baseUrl, key: bench.publishableKey, retry: fastRetry });
  await expect(publishable.reports.bookings({ from: '2026-03-02', to: '2026-03-08' })).rejects.toBeInstanceOf(
    PermissionError,
  );
  const client = createReportsClient({ baseUrl, key: bench.secretKey, retry: fastRetry });
  const invalid = client.reports.bookings({ from: '2026-03-08', to: '2026-03-02' });
  await expect(invalid).rejects.toBeInstanceOf(ValidationError);
  await expect(invalid).rejects.toMatchObject({ fieldErrors: [expect.objectContaining({ path: 'to' })] });
});

/**
 * @module `@frontdesk/sdk/stock` and its live subscription, on the real API (msw routes requests into
 * the Hono app). Faults — a refused first connection, a stream that drops — are injected in front.
 */
import { HttpResponse, http } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InsufficientStockError, ValidationError } from '../src/index.js';
import { createStockClient, type ProductStock, type StockClient } from '../src/resources/stock.js';
import { type Bench, baseUrl, fastRetry, problemResponse, startBench, stopBench } from './harness.js';

let bench: Bench;
/** Stock clients with the secret and the publishable key. */
let admin: StockClient;
let shop: StockClient;
beforeAll(async () => {
  bench = await startBench();
  admin = createStockClient({ baseUrl, key: bench.secretKey, retry: fastRetry });
  shop = createStockClient({ baseUrl, key: bench.publishableKey, retry: fastRetry });
  await admin.locations.create({ id: 'lisbon', name: 'Lisbon shop' });
  await admin.products.create({ sku: 'HELMET-M', name: 'Helmet M', lowStockThreshold: 1 });
  await admin.products.create({ sku: 'LIGHT-1', name: 'Light' });
});
afterAll(() => stopBench(bench));

const customer = { name: 'Ana Silva', email: 'ana@example.com' };

/** Collects what a subscription hands over, and lets a test wait for a condition on it. */
function collector() {
  const seen: ProductStock[] = [];
  let wake: () => void = () => undefined;
  return {
    seen,
    onChange: (stock: ProductStock) => {
      seen.push(stock);
      wake();
    },
    async until(check: (all: ProductStock[]) => boolean, timeoutMs = 3000) {
      const deadline = Date.now() + timeoutMs;
      while (!check(seen)) {
        if (Date.now() > deadline) throw new Error(`not seen in time: ${JSON.stringify(seen)}`);
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 50);
        });
      }
    },
  };
}

describe('stock resources', () => {
  it('adjusts, reads, reserves, collects; a short shelf throws InsufficientStockError', async () => {
    const one = await admin.stock.adjust({ eventId: 'sdk-1', sku: 'HELMET-M', locationId: 'lisbon', set: 3 });
    expect(one).toMatchObject({ outcome: 'applied', onHand: 3, replayed: false });
    const batch = await admin.stock.adjust([
      { eventId: 'sdk-1', sku: 'HELMET-M', locationId: 'lisbon', set: 3 },
      { eventId: 'sdk-2', sku: 'LIGHT-1', locationId: 'lisbon', delta: 2 },
    ]);
    expect(batch.map((r) => r.replayed)).toEqual([true, false]);

    const reservation = await shop.reservations.create({
      sku: 'HELMET-M',
      locationId: 'lisbon',
      quantity: 2,
      customer,
    });
    expect((await shop.stock.get('HELMET-M')).available).toBe(1);
    const error = await shop.reservations
      .create({ sku: 'HELMET-M', locationId: 'lisbon', quantity: 2, customer })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InsufficientStockError);

    const mine = await shop.reservations.get(reservation.id, { token: reservation.manageToken });
    expect(mine.customer).toEqual(customer);
    await admin.reservations.collect(reservation.id);
    let onHand = 0;
    for await (const m of admin.stock.movements({ sku: 'HELMET-M', location: 'lisbon' })) onHand += m.delta;
    expect(onHand).toBe(1);
    expect((await shop.stock.get('HELMET-M')).locations[0]).toMatchObject({ onHand: 1, available: 1 });
  });

  it('deletes a location (204, no body): it leaves the shop list', async () => {
    await admin.locations.create({ id: 'porto', name: 'Porto shop' });
    await expect(admin.locations.delete('porto')).resolves.toBeUndefined();
    const { data } = await shop.locations.list();
    expect(data.map((l) => l.id)).toEqual(['lisbon']);
  });
});

describe('client.stock.subscribe', () => {
  it('hands over the current stock, then each change, until closed', async () => {
    const c = collector();
    const statuses: string[] = [];
    const sub = shop.stock.subscribe(['LIGHT-1'], c.onChange, { onStatus: (s) => statuses.push(s) });
    await c.until((all) => all.length === 1);
    await admin.stock.adjust({ eventId: 'sub-1', sku: 'LIGHT-1', locationId: 'lisbon', delta: 5 });
    await c.until((all) => all.at(-1)?.available === 7);
    sub.close();
    await sub.done;
    expect(statuses).toEqual(['connecting', 'open', 'closed']);
  });

  it('retries a refused connection, and resumes after a drop without missing a change', async () => {
    let streams = 0;
    bench.server.use(
      http.get(`${baseUrl}/v1/stock/stream`, ({ request }) => {
        streams++;
        if (streams === 1) return problemResponse(503, 'internal_error');
        if (streams > 2) return undefined; // later connections: straight to the API
        // The second connection ends right after its first message: a dropped connection.
        return (async () => {
          const real = await bench.forward(request);
          const reader = real.body!.getReader();
          let text = '';
          while (!text.includes('event: stock'))
            text += new TextDecoder().decode((await reader.read()).value);
          await reader.cancel();
          return new HttpResponse(text.slice(0, text.indexOf('\n\n', text.indexOf('event: stock')) + 2), {
            headers: { 'content-type': 'text/event-stream' },
          });
        })();
      }),
    );
    const c = collector();
    const errors: unknown[] = [];
    const sub = shop.stock.subscribe(['HELMET-M'], c.onChange, {
      baseDelay: 200,
      onError: (e) => errors.push(e),
    });
    try {
      await c.until((all) => all.length === 1);
      // Made while the client is between connections: it must arrive through the resume.
      await admin.stock.adjust({ eventId: 'gap-1', sku: 'HELMET-M', locationId: 'lisbon', delta: 4 });
      await c.until((all) => all.at(-1)?.available === 5);
      // 1: refused (503, retried), 2: dropped after one message, 3: resumed from its event id.
      expect(streams).toBeGreaterThanOrEqual(3);
      expect(errors.every((e) => (e as { status?: number }).status !== 400)).toBe(true);
    } finally {
      sub.close();
      await sub.done;
      bench.server.resetHandlers();
    }
  });

  it('ends on an error a retry cannot cure, and says why', async () => {
    const errors: unknown[] = [];
    const sub = shop.stock.subscribe(['not a sku!'], () => undefined, { onError: (e) => errors.push(e) });
    await sub.done;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(ValidationError);
  });
});

describe('client.stock.import', () => {
  it('uploads a CSV file, reports progress per batch and hands back the rejected rows', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => `IMP-${i},Imported ${i}`);
    rows[9] = 'NOT A SKU,Broken';
    const progress: [number, number][] = [];
    const report = await admin.stock.import(
      new Blob([['sku,name', ...rows].join('\n')], { type: 'text/csv' }),
      {
        onProgress: (done, total) => progress.push([done, total]),
      },
    );
    expect(progress).toEqual([
      [0, 150],
      [100, 150],
      [150, 150],
    ]);
    expect(report).toMatchObject({ kind: 'products', total: 150, imported: 149, rejectedCount: 1 });
    expect(report.rejected[0]).toMatchObject({ line: 11, errors: [{ path: 'sku' }] });
    expect((await admin.products.get('IMP-149')).name).toBe('Imported 149');
  });

  it('throws a ValidationError for a file that cannot be used, and a lost report as import_failed', async () => {
    await expect(
      admin.stock.import('sku,location\nHELMET-M,lisbon\n', { kind: 'stock' }),
    ).rejects.toBeInstanceOf(ValidationError);
    // An answer cut before its report (a proxy timing out a long import): not taken for success.
    bench.server.use(
      http.post(
        `${baseUrl}/v1/stock/imports`,
        () =>
          new HttpResponse('{"type":"progress","done":0,"total":5}\n', {
            headers: { 'Content-Type': 'application/x-ndjson' },
          }),
        { once: true },
      ),
    );
    await expect(admin.stock.import('sku,name\nA,B\n')).rejects.toMatchObject({ code: 'import_failed' });
  });
});

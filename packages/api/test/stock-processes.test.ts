import type { ProductStock, StockEvent } from '@frontdesk/core';
import { afterEach, describe, expect, it } from 'vitest';
import { type ServerProcess, seedFile, startServer } from './process-helpers.js';

const running: ServerProcess[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) {
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
    await server.exited;
  }
});

async function start(dbUrl: string) {
  const server = await startServer(dbUrl);
  running.push(server);
  return server;
}

async function call(url: string, key: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Two `frontdesk serve` processes on one file, with a product counted at 5 units. */
async function twoProcesses() {
  const seed = await seedFile(1);
  const [a, b] = await Promise.all([start(seed.dbUrl), start(seed.dbUrl)]);
  expect(
    (await call(a!.url, seed.secretKey, 'POST', '/v1/locations', { id: 'shop', name: 'Shop' })).status,
  ).toBe(201);
  expect(
    (await call(a!.url, seed.secretKey, 'POST', '/v1/products', { sku: 'LAST', name: 'Last units' })).status,
  ).toBe(201);
  const count = await call(b!.url, seed.secretKey, 'POST', '/v1/stock/adjustments', {
    eventId: 'count-1',
    sku: 'LAST',
    locationId: 'shop',
    set: 5,
  });
  expect(count.status).toBe(200);
  return { seed, a: a!, b: b! };
}

describe('stock across two API processes on one database file', () => {
  it('40 concurrent reservations of the last 5 units: exactly 5 × 201, the rest 409, none 5xx', async () => {
    const { seed, a, b } = await twoProcesses();
    // All 40 come from one client (127.0.0.1): lift its live-reservation cap, tested below.
    expect(
      (
        await call(a.url, seed.secretKey, 'PATCH', '/v1/stock/settings', {
          maxLiveReservationsPerClient: 100,
        })
      ).status,
    ).toBe(200);
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        call(i % 2 ? a.url : b.url, seed.publishableKey, 'POST', '/v1/reservations', {
          sku: 'LAST',
          locationId: 'shop',
          quantity: 1,
          customer: { name: 'Racer', email: `r${i}@example.com` },
        }),
      ),
    );
    const statuses = answers.map((x) => x.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(statuses.filter((s) => s === 409)).toHaveLength(35);
    expect(answers.filter((x) => x.status === 409).every((x) => x.body.code === 'insufficient_stock')).toBe(
      true,
    );
    const stock = (await call(a.url, seed.publishableKey, 'GET', '/v1/products/LAST/stock'))
      .body as unknown as ProductStock;
    expect(stock.locations[0]).toMatchObject({ onHand: 5, reserved: 5, available: 0 });
  }, 60_000);

  it('one client gets at most 3 live reservations across both processes (counted in the database)', async () => {
    const { seed, a, b } = await twoProcesses();
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        call(i % 2 ? a.url : b.url, seed.publishableKey, 'POST', '/v1/reservations', {
          sku: 'LAST',
          locationId: 'shop',
          quantity: 1,
          customer: { name: 'Hoarder', email: `h${i}@example.com` },
        }),
      ),
    );
    const statuses = answers.map((x) => x.status).sort();
    expect(statuses).toEqual([201, 201, 201, 429, 429, 429, 429, 429, 429, 429]);
    const stock = (await call(a.url, seed.publishableKey, 'GET', '/v1/products/LAST/stock'))
      .body as unknown as ProductStock;
    expect(stock.locations[0]).toMatchObject({ reserved: 3, available: 2 });
  }, 60_000);

  it('a change made through one process reaches a stream on the other within a second', async () => {
    const { seed, a, b } = await twoProcesses();
    const abort = new AbortController();
    const res = await fetch(`${b.url}/v1/stock/stream?skus=LAST&key=${seed.publishableKey}`, {
      signal: abort.signal,
    });
    expect(res.status).toBe(200);
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    /** Reads until a `stock` message with `available` = `want` arrives; resolves with its time. */
    const waitFor = async (want: number): Promise<number> => {
      for (;;) {
        for (const block of text.split('\n\n').slice(0, -1)) {
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          if (block.includes('event: stock') && data) {
            const event = JSON.parse(data.slice(6)) as StockEvent;
            if (event.stock.available === want) return Date.now();
          }
        }
        const chunk = await reader.read();
        if (chunk.done) throw new Error('stream ended');
        text += chunk.value;
      }
    };
    await waitFor(5); // the snapshot on connect
    text = '';
    const sent = Date.now();
    const sale = await call(a.url, seed.secretKey, 'POST', '/v1/stock/adjustments', {
      eventId: 'sale-1',
      sku: 'LAST',
      locationId: 'shop',
      delta: -2,
    });
    expect(sale.status).toBe(200);
    const arrived = await waitFor(3);
    expect(arrived - sent).toBeLessThan(1000);
    abort.abort();
  }, 60_000);
});

describe('frontdesk serve stream limits from the environment', () => {
  it('FRONTDESK_MAX_STREAMS_PER_CLIENT caps open streams per client (429 beyond)', async () => {
    const seed = await seedFile(1);
    const server = await startServer(seed.dbUrl, { FRONTDESK_MAX_STREAMS_PER_CLIENT: '1' });
    running.push(server);
    const url = `${server.url}/v1/stock/stream?skus=ANY&key=${seed.publishableKey}`;
    const abort = new AbortController();
    const first = await fetch(url, { signal: abort.signal });
    expect(first.status).toBe(200);
    const second = await fetch(url);
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBe('5');
    expect(((await second.json()) as { code: string }).code).toBe('rate_limited');
    abort.abort();
  }, 60_000);
});

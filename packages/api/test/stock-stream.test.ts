import { pathToFileURL } from 'node:url';
import type { StockEvent } from '@frontdesk/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { openDatabase } from '../src/db/open.js';
import { testLogger } from './helpers.js';
import { createStockTestApp, type StockTestApp } from './stock-fixtures.js';

let t: StockTestApp;
beforeEach(async () => {
  t = await createStockTestApp();
});
afterEach(async () => {
  await t.close();
});

interface SseMessage {
  event: string;
  id?: string;
  data: string;
}

/** Opens a stream and reads messages as they come; `close()` aborts it like a browser would. */
async function openStream(app: StockTestApp['app'], path: string, headers: Record<string, string> = {}) {
  const abort = new AbortController();
  const res = await app.request(path, { headers, signal: abort.signal });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const queue: SseMessage[] = [];
  const next = async (timeoutMs = 3000): Promise<SseMessage> => {
    const deadline = Date.now() + timeoutMs;
    while (queue.length === 0) {
      const split = buffer.indexOf('\n\n');
      if (split >= 0) {
        const block = buffer.slice(0, split);
        buffer = buffer.slice(split + 2);
        const message: SseMessage = { event: 'message', data: '' };
        for (const line of block.split('\n')) {
          if (line.startsWith('event: ')) message.event = line.slice(7);
          else if (line.startsWith('id: ')) message.id = line.slice(4);
          else if (line.startsWith('data: ')) message.data += line.slice(6);
        }
        if (!block.startsWith(':')) queue.push(message);
        continue;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('no SSE message in time');
      const chunk = await Promise.race([
        reader.read(),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('no SSE message in time')), left),
        ),
      ]);
      if (chunk.done) throw new Error('stream ended');
      buffer += chunk.value;
    }
    return queue.shift()!;
  };
  const nextStock = async (timeoutMs?: number) => {
    for (;;) {
      const m = await next(timeoutMs);
      if (m.event === 'stock') return { id: m.id, event: JSON.parse(m.data) as StockEvent };
    }
  };
  return {
    res,
    next,
    nextStock,
    close: async () => {
      abort.abort();
      await reader.cancel().catch(() => undefined);
    },
  };
}

describe('GET /v1/stock/stream', () => {
  it('takes the publishable key as ?key=, sends the current stock, then each change', async () => {
    await t.adjust({ eventId: 'c1', sku: 'HELMET-M', locationId: 'lisbon', set: 4 });
    const stream = await openStream(t.app, `/v1/stock/stream?skus=HELMET-M&key=${t.publishableKey}`);
    expect(stream.res.status).toBe(200);
    expect(stream.res.headers.get('content-type')).toContain('text/event-stream');
    expect((await stream.nextStock()).event.stock.available).toBe(4);

    await t.adjust({ eventId: 'c2', sku: 'LIGHT-1', locationId: 'lisbon', delta: 9 }); // not watched
    await t.adjust({ eventId: 'c3', sku: 'HELMET-M', locationId: 'lisbon', delta: -1 });
    const change = await stream.nextStock();
    expect(change.event).toMatchObject({ type: 'stock.changed', sku: 'HELMET-M', stock: { available: 3 } });
    expect(Number(change.id)).toBeGreaterThan(0);
    await stream.close();
  });

  it('resumes after Last-Event-ID with what happened in between', async () => {
    const stream = await openStream(t.app, `/v1/stock/stream?skus=HELMET-M,LIGHT-1&key=${t.publishableKey}`);
    const snapshots = [await stream.nextStock(), await stream.nextStock()];
    expect(snapshots.map((s) => s.event.sku)).toEqual(['HELMET-M', 'LIGHT-1']);
    await t.adjust({ eventId: 'r1', sku: 'HELMET-M', locationId: 'lisbon', delta: 1 });
    const first = await stream.nextStock();
    expect(first.event.stock.available).toBe(1);
    await stream.close();
    await t.adjust({ eventId: 'r2', sku: 'LIGHT-1', locationId: 'porto', delta: 2 });
    await t.adjust({ eventId: 'r3', sku: 'HELMET-M', locationId: 'porto', delta: 3 });
    const resumed = await openStream(
      t.app,
      `/v1/stock/stream?skus=HELMET-M,LIGHT-1&key=${t.publishableKey}`,
      {
        'Last-Event-ID': first.id!,
      },
    );
    expect((await resumed.nextStock()).event.sku).toBe('LIGHT-1');
    expect((await resumed.nextStock()).event).toMatchObject({ sku: 'HELMET-M', stock: { available: 4 } });
    await resumed.close();
  });

  it('refuses a secret key in the URL, a missing key, and a foreign origin', async () => {
    expect((await t.app.request(`/v1/stock/stream?skus=A&key=${t.secretKey}`)).status).toBe(403);
    expect((await t.app.request('/v1/stock/stream?skus=A')).status).toBe(401);
    const strict = await createStockTestApp({ allowedOrigins: ['https://shop.example'] });
    try {
      const res = await strict.app.request(`/v1/stock/stream?skus=A&key=${strict.publishableKey}`, {
        headers: { Origin: 'https://evil.example' },
      });
      expect(res.status).toBe(403);
    } finally {
      await strict.close();
    }
  });

  it('delivers a change written through another app on the same file within a second', async () => {
    const other = await openDatabase(pathToFileURL(t.file).href);
    const otherApp = createApp({
      database: other,
      clock: t.clock,
      rateLimit: false,
      logger: testLogger(),
    });
    try {
      const stream = await openStream(otherApp, `/v1/stock/stream?skus=HELMET-M&key=${t.publishableKey}`);
      await stream.nextStock();
      const started = Date.now();
      await t.adjust({ eventId: 'x1', sku: 'HELMET-M', locationId: 'porto', delta: 6 });
      const change = await stream.nextStock(1000);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(change.event.stock.available).toBe(6);
      await stream.close();
    } finally {
      await other.close();
    }
  });
});

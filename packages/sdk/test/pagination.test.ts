/**
 * @module Cursor lists against the real API: `await` gives one page, `for await` walks every item
 * of every page in order, fetching pages lazily, and a caller's abort stops the walk.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Bench, startBench, stopBench } from './harness.js';

let bench: Bench;
const labels = ['a', 'b', 'c', 'd', 'e'];
beforeAll(async () => {
  bench = await startBench();
  for (const label of labels) {
    // Ids sort by creation time; the test clock stands still unless moved.
    bench.clock.advance(1000);
    await bench.admin.keys.create({ kind: 'publishable', label });
  }
});
afterAll(() => stopBench(bench));

const keyPages = () => bench.seen.filter((r) => r.method === 'GET' && r.path === '/v1/keys').length;

describe('lists', () => {
  it('await answers the first page with a cursor to the next', async () => {
    const page = await bench.admin.keys.list({ limit: 2 });
    expect(page.data).toHaveLength(2);
    expect(page.nextCursor).toEqual(expect.any(String));
    const next = await bench.admin.keys.list({ limit: 2, cursor: page.nextCursor! });
    expect(next.data.map((k) => k.id)).not.toContain(page.data[0]!.id);
  });

  it('for await walks every item across pages, once each, in order', async () => {
    bench.seen.length = 0;
    const seenLabels: string[] = [];
    const ids = new Set<string>();
    for await (const key of bench.admin.keys.list({ limit: 2 })) {
      seenLabels.push(key.label);
      ids.add(key.id);
    }
    // The seeded business has its own two keys (label "test") before ours.
    expect(seenLabels).toEqual(['test', 'test', ...labels]);
    expect(ids.size).toBe(7);
    expect(keyPages()).toBe(4);
  });

  it('pages are fetched only as far as the loop goes', async () => {
    bench.seen.length = 0;
    for await (const key of bench.admin.keys.list({ limit: 2 })) {
      if (key.label === 'a') break;
    }
    expect(keyPages()).toBe(2);
  });

  it('the event log iterates the same way, filtered by type', async () => {
    const types = new Set<string>();
    let count = 0;
    for await (const event of bench.admin.events.list({ type: 'key.created', limit: 3 })) {
      types.add(event.type);
      count++;
    }
    expect([...types]).toEqual(['key.created']);
    expect(count).toBe(labels.length + 2); // ours and the two seeded keys
  });

  it('an abort stops the walk with the abort reason', async () => {
    const controller = new AbortController();
    const walked: string[] = [];
    const walk = async () => {
      for await (const key of bench.admin.keys.list({ limit: 2 }, { signal: controller.signal })) {
        walked.push(key.id);
        if (walked.length === 3) controller.abort(new Error('enough'));
      }
    };
    await expect(walk()).rejects.toThrow('enough');
    expect(walked).toHaveLength(3);
  });
});

describe('lists are lazy', () => {
  it('nothing is requested until the list is awaited or iterated, and the first page only once', async () => {
    bench.seen.length = 0;
    const list = bench.admin.keys.list({ limit: 2 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(keyPages()).toBe(0);
    const page = await list;
    const again = await list;
    expect(again).toBe(page);
    const ids: string[] = [];
    for await (const key of list) ids.push(key.id);
    expect(ids.slice(0, 2)).toEqual(page.data.map((k) => k.id));
    expect(keyPages()).toBe(4); // the first page once, then pages 2 to 4 for the walk
  });

  it('a failing list kept for later is not an unhandled rejection; it fails where it is used', async () => {
    const stranger = bench.client({ key: 'fd_sk_unknown' });
    const list = stranger.keys.list();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(list).rejects.toMatchObject({ name: 'AuthenticationError' });
    await expect(
      (async () => {
        for await (const _ of list) break;
      })(),
    ).rejects.toMatchObject({ name: 'AuthenticationError' });
  });
});

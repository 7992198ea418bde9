/**
 * @module The write queue runs tasks one at a time; busy errors are retried, others are not.
 */
import { describe, expect, it } from 'vitest';
import { isBusyError, retryBusy, WriteQueue } from './writer.js';

describe('WriteQueue', () => {
  it('runs tasks one at a time, in order, and survives a failing task', async () => {
    const queue = new WriteQueue();
    const log: string[] = [];
    let running = 0;
    const task = (name: string, fail = false) =>
      queue.run(async () => {
        running++;
        expect(running).toBe(1);
        log.push(`start ${name}`);
        await new Promise((r) => setTimeout(r, 5));
        log.push(`end ${name}`);
        running--;
        if (fail) throw new Error(name);
        return name;
      });
    const results = await Promise.allSettled([task('a'), task('b', true), task('c')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(queue.pending).toBe(0);
  });
});

describe('retryBusy', () => {
  it('retries SQLITE_BUSY and gives up on other errors at once', async () => {
    let calls = 0;
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    expect(isBusyError(busy)).toBe(true);
    const value = await retryBusy(async () => {
      if (++calls < 3) throw busy;
      return 'ok';
    });
    expect([value, calls]).toEqual(['ok', 3]);
    calls = 0;
    await expect(
      retryBusy(async () => {
        calls++;
        throw new Error('constraint failed');
      }),
    ).rejects.toThrow('constraint failed');
    expect(calls).toBe(1);
  });

  it('tells its observer of each retry', async () => {
    let calls = 0;
    let retries = 0;
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    await retryBusy(
      async () => {
        if (++calls < 3) throw busy;
      },
      6,
      () => retries++,
    );
    expect(retries).toBe(2);
  });
});

/**
 * @module Mail retries: deferrals are retried for up to a day from the first attempt, 5xx never.
 */
import { describe, expect, it } from 'vitest';
import { isMailRetryable, mailRetryWindowMs, nextMailAttempt } from './mail-retry.js';

describe('nextMailAttempt', () => {
  it('backs off and stops once the next try would fall past 24 hours', () => {
    const t0 = Date.parse('2026-03-01T00:00:00Z');
    let now = t0;
    const waits: number[] = [];
    for (let failures = 1; ; failures++) {
      const next = nextMailAttempt(failures, t0, now);
      if (next === null) break;
      waits.push((next - now) / 60_000);
      now = next;
    }
    expect(waits.slice(0, 5)).toEqual([1, 5, 15, 60, 120]);
    expect(now - t0).toBeLessThanOrEqual(mailRetryWindowMs);
    expect(now - t0).toBeGreaterThan(mailRetryWindowMs - 4 * 3_600_000);
  });

  it('retries 4xx and lost connections, never 5xx', () => {
    expect([undefined, 421, 450, 451, 452].every(isMailRetryable)).toBe(true);
    expect([250, 500, 550, 552, 554].some(isMailRetryable)).toBe(false);
  });
});

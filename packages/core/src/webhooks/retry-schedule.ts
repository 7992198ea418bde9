/**
 * @module When a failed webhook delivery is tried again: the fixed schedule (about 3 days in all)
 * with ±10 % jitter, stretched by a `Retry-After` the endpoint asked for. Pure: the random draw and
 * the current time are passed in, so the API's worker and the tests agree on every figure.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * The waits after the 1st, 2nd, … failed attempt: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h,
 * 24 h. After the 9th wait and a 10th failure the delivery is `failed`.
 */
export const webhookRetryDelays: readonly number[] = [
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  14 * HOUR,
  20 * HOUR,
  24 * HOUR,
];

/** The most a `Retry-After` can stretch one wait: a day, the longest step of the schedule. */
export const maxRetryAfterMs = 24 * HOUR;

/**
 * The wait before the next attempt after `failures` failed attempts (1 = the first one failed), or
 * `null` when the schedule is spent. `random` is a draw in [0, 1) that spreads the wait over ±10 %
 * (so endpoints coming back from an outage are not hit by every retry at once); `retryAfterMs`
 * (from a 429 or 503) makes the wait at least that long, up to a day.
 */
export function webhookRetryDelay(failures: number, random: number, retryAfterMs?: number): number | null {
  if (!Number.isInteger(failures) || failures < 1) return null;
  const base = webhookRetryDelays[failures - 1];
  if (base === undefined) return null;
  const jittered = Math.round(base * (0.9 + 0.2 * Math.min(Math.max(random, 0), 1)));
  if (retryAfterMs === undefined || !(retryAfterMs > 0)) return jittered;
  return Math.max(jittered, Math.min(Math.ceil(retryAfterMs), maxRetryAfterMs));
}

/**
 * A `Retry-After` header (delay-seconds or an HTTP date) in milliseconds from `now`; undefined
 * when absent or unreadable, 0 for a date already past.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d{1,10}$/.test(trimmed)) return Number(trimmed) * SECOND;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at) || !/[a-z]/i.test(trimmed)) return undefined;
  return Math.max(0, at - now);
}

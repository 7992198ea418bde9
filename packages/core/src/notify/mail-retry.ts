/**
 * @module When mail that an SMTP server deferred (a 4xx answer, or no answer at all) is tried
 * again: soon, then further apart, for up to 24 hours from the first attempt; after that it is
 * `failed`. A 5xx answer is final at once. Pure: the times are passed in.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The waits after the 1st, 2nd, … deferral (then every 4 h while the day lasts). */
export const mailRetryDelays: readonly number[] = [MINUTE, 5 * MINUTE, 15 * MINUTE, HOUR, 2 * HOUR];

/** How long mail keeps being retried, from its first attempt. */
export const mailRetryWindowMs = 24 * HOUR;

/**
 * The next attempt's time after `failures` deferrals (1 = the first attempt was deferred), or null
 * when it would fall past 24 hours from `firstAttemptAt`.
 *
 * @example
 * nextMailAttempt(1, t0, t0); // t0 + 1 minute
 */
export function nextMailAttempt(failures: number, firstAttemptAt: number, now: number): number | null {
  if (!Number.isInteger(failures) || failures < 1) return null;
  const wait = mailRetryDelays[failures - 1] ?? 4 * HOUR;
  const next = now + wait;
  return next - firstAttemptAt <= mailRetryWindowMs ? next : null;
}

/** Whether an SMTP answer (its status code; undefined when none came) is worth trying again. */
export function isMailRetryable(responseCode: number | undefined): boolean {
  return responseCode === undefined || (responseCode >= 400 && responseCode < 500);
}

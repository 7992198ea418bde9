/**
 * @module The periods of a report: the dates asked for, as instants in the business zone, and the
 * period of equal length just before them that every report compares against.
 */
import { formatLocalDate, parseLocalDate } from '../time/local-date.js';
import { startOfZonedDate } from '../time/zoned-time.js';

/** Inclusive dates in a zone and the instants `[start, end)` they span. */
export interface ReportSpan {
  from: string;
  to: string;
  days: number;
  start: number;
  end: number;
}

/** The instants of dates `from`..`to` (inclusive) in `zone`: from the first one's midnight to the day after the last. */
export function reportSpan(from: string, to: string, zone: string): ReportSpan {
  const first = parseLocalDate(from);
  const last = parseLocalDate(to);
  return {
    from,
    to,
    days: last - first + 1,
    start: startOfZonedDate(from, zone),
    end: startOfZonedDate(formatLocalDate(last + 1), zone),
  };
}

/**
 * The same number of dates ending the day before `from`.
 *
 * @example previousDates('2026-03-01', '2026-03-31') // { from: '2026-01-29', to: '2026-02-28' }
 */
export function previousDates(from: string, to: string): { from: string; to: string } {
  const first = parseLocalDate(from);
  const days = parseLocalDate(to) - first + 1;
  return { from: formatLocalDate(first - days), to: formatLocalDate(first - 1) };
}

/** The day number (days since 1970-01-01) of the Monday starting the week of day `day`. */
function mondayOf(day: number): number {
  return day - ((((day + 3) % 7) + 7) % 7);
}

/**
 * The buckets of a period by date: each date, or the Monday of each week the period touches (the
 * first may fall before `from`). `day` is the day number (days since 1970-01-01), as the API's
 * report queries compute it from the business's wall clock.
 *
 * @example periodBuckets('2026-03-04', '2026-03-10', 'week')
 * // [{ day: 20514, date: '2026-03-02' }, { day: 20521, date: '2026-03-09' }]
 */
export function periodBuckets(
  from: string,
  to: string,
  by: 'day' | 'week',
): Array<{ day: number; date: string }> {
  const first = parseLocalDate(from);
  const last = parseLocalDate(to);
  const buckets: Array<{ day: number; date: string }> = [];
  const step = by === 'day' ? 1 : 7;
  for (let day = by === 'day' ? first : mondayOf(first); day <= last; day += step) {
    buckets.push({ day, date: formatLocalDate(day) });
  }
  return buckets;
}

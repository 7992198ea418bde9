/**
 * @module How long a resource was open over a span of dates, from the very rules availability is
 * offered by (`day-hours.ts`, `working-windows.ts`): weekly hours, date overrides, business
 * closures and time off, read in the business zone. The denominator of utilisation.
 */
import { dayHours, parseClosures } from '../availability/day-hours.js';
import type { ResourceCalendar } from '../availability/types.js';
import { workingWindows } from '../availability/working-windows.js';
import { formatLocalDate, MS_PER_MINUTE, parseLocalDate } from '../time/local-date.js';
import { startOfZonedDate } from '../time/zoned-time.js';

/**
 * Minutes a resource was open on dates `from`..`to` (inclusive) in `zone`: a DST day's hours are
 * as long as the wall clock makes them (09:00–17:00 across a spring-forward is 7 h only if the
 * skipped hour falls inside it).
 *
 * @example openMinutes({ id: 'r', hours: { mon: [{ start: '09:00', end: '17:00' }] }, overrides: [], timeOff: [] },
 *   [], 'Europe/Lisbon', '2026-03-02', '2026-03-08') === 480
 */
export function openMinutes(
  resource: ResourceCalendar,
  closures: ReadonlyArray<{ startDate: string; endDate: string }>,
  zone: string,
  from: string,
  to: string,
): number {
  const first = parseLocalDate(from);
  const last = parseLocalDate(to);
  const windows = workingWindows(
    dayHours(resource, parseClosures(closures)),
    first,
    last,
    zone,
    resource.timeOff,
  );
  const end = startOfZonedDate(formatLocalDate(last + 1), zone);
  let total = 0;
  for (let i = 0; i < windows.length; i += 2) {
    total += Math.max(0, Math.min(windows[i + 1]!, end) - windows[i]!);
  }
  return total / MS_PER_MINUTE;
}

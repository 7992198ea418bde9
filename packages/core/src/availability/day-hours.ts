/**
 * @module Which wall-clock intervals a resource works on a given date: the date's override if it
 * has one (empty = closed), else its weekday's weekly hours, and nothing inside a business closure.
 * Intervals are parsed once per request into flat `[start, end, start, end, …]` minute arrays.
 */
import type { TimeInterval } from '../schemas/schedule.js';
import { weekdays } from '../schemas/schedule.js';
import { parseLocalDate } from '../time/local-date.js';
import type { ResourceCalendar } from './types.js';

/** Minutes past midnight of `HH:MM` (`24:00` = 1440). */
export function parseLocalTime(time: string): number {
  // Char codes rather than a regex: hours are parsed for every resource on every request.
  const h1 = time.charCodeAt(0) - 48;
  const h2 = time.charCodeAt(1) - 48;
  const m1 = time.charCodeAt(3) - 48;
  const m2 = time.charCodeAt(4) - 48;
  const digits = h1 >= 0 && h1 <= 9 && h2 >= 0 && h2 <= 9 && m1 >= 0 && m1 <= 5 && m2 >= 0 && m2 <= 9;
  const valid = time.length === 5 && time.charCodeAt(2) === 58 && digits;
  const minutes = (h1 * 10 + h2) * 60 + m1 * 10 + m2;
  if (!valid || minutes > 1440) {
    throw new RangeError(`Invalid time "${time}": expected HH:MM from 00:00 to 24:00`);
  }
  return minutes;
}

const none: readonly number[] = [];

/** Flat sorted `[start, end, …]` minutes; empty and inverted intervals dropped. */
function toMinutes(intervals: ReadonlyArray<TimeInterval> | undefined): readonly number[] {
  if (!intervals || intervals.length === 0) return none;
  const flat: number[] = [];
  let sorted = true;
  for (const interval of intervals) {
    const start = parseLocalTime(interval.start);
    const end = parseLocalTime(interval.end);
    if (start >= end) continue;
    if (flat.length > 0 && start < flat[flat.length - 2]!) sorted = false;
    flat.push(start, end);
  }
  if (sorted) return flat;
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i]!, flat[i + 1]!]);
  return pairs.sort((a, b) => a[0] - b[0]).flat();
}

/** Business-wide closures as inclusive day-number ranges. */
export type ClosedDays = ReadonlyArray<readonly [number, number]>;

export function parseClosures(closures: ReadonlyArray<{ startDate: string; endDate: string }>): ClosedDays {
  return closures.map((c) => [parseLocalDate(c.startDate), parseLocalDate(c.endDate)] as const);
}

/** A resource's working intervals by day number. */
export interface DayHours {
  /** Flat sorted `[start, end, …]` minutes of day `day`; empty when not working. */
  on(day: number): readonly number[];
}

export function dayHours(resource: ResourceCalendar, closed: ClosedDays): DayHours {
  const weekly = weekdays.map((weekday) => toMinutes(resource.hours[weekday]));
  const overrides = new Map<number, readonly number[]>();
  // Should a date carry two overrides, the later one wins, as the latest edit would.
  for (const o of resource.overrides) overrides.set(parseLocalDate(o.date), toMinutes(o.intervals));
  return {
    on(day) {
      for (const [first, last] of closed) if (day >= first && day <= last) return none;
      // 1970-01-01 (day 0) was a Thursday, index 3 of mon..sun.
      return overrides.get(day) ?? weekly[(((day + 3) % 7) + 7) % 7]!;
    },
  };
}

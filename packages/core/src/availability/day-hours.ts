/**
 * @module Which wall-clock intervals a resource works on a given date: the date's override if it
 * has one (empty = closed), else its weekday's weekly hours, and nothing inside a business closure.
 * Intervals are parsed once per request into flat `[start, end, start, end, …]` minute arrays.
 */
import type { TimeInterval } from '../schemas/schedule.js';
import { weekdays } from '../schemas/schedule.js';
import { parseLocalDate } from '../time/local-date.js';
import type { ResourceCalendar } from './types.js';

const timePattern = /^(\d{2}):(\d{2})$/;

/** Minutes past midnight of `HH:MM` (`24:00` = 1440). */
export function parseLocalTime(time: string): number {
  const match = timePattern.exec(time);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
  if (!(minutes >= 0 && minutes <= 1440) || Number(match?.[2]) > 59) {
    throw new RangeError(`Invalid time "${time}": expected HH:MM from 00:00 to 24:00`);
  }
  return minutes;
}

/** Flat sorted `[start, end, …]` minutes; empty and inverted intervals dropped. */
function toMinutes(intervals: ReadonlyArray<TimeInterval> | undefined): readonly number[] {
  if (!intervals || intervals.length === 0) return [];
  const pairs = intervals
    .map((iv) => [parseLocalTime(iv.start), parseLocalTime(iv.end)] as const)
    .filter(([start, end]) => start < end)
    .sort((a, b) => a[0] - b[0]);
  return pairs.flat();
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

const none: readonly number[] = [];

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

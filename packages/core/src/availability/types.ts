/**
 * @module The inputs and outputs of the availability engine. Instants are epoch milliseconds;
 * wall-clock hours are read in `timezone`. The engine is pure: `now` is passed in.
 */
import type { TimeInterval, WeeklyHours } from '../schemas/schedule.js';

/** The rules of the service being offered. */
export interface SlotRules {
  id: string;
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  slotIntervalMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
  capacity: number;
}

/** One eligible resource and when it works. */
export interface ResourceCalendar {
  id: string;
  hours: WeeklyHours;
  /** Special hours by date (`YYYY-MM-DD` in `timezone`); empty intervals = closed that day. */
  overrides: ReadonlyArray<{ date: string; intervals: ReadonlyArray<TimeInterval> }>;
  /** Away between two instants. */
  timeOff: ReadonlyArray<{ start: number; end: number }>;
}

/**
 * Something that occupies a resource: a booking that is not cancelled, or a live hold.
 * `blockStart`/`blockEnd` include that booking's own buffers. An occupancy of the same service
 * at the same start takes a seat (capacity > 1); any other overlapping occupancy blocks the resource.
 */
export interface Occupancy {
  resourceId: string;
  serviceId: string;
  start: number;
  blockStart: number;
  blockEnd: number;
  /**
   * How many identical occupancies this one stands for (default 1): a class's bookings of one
   * start can be read as one row with their count instead of a row each.
   */
  seats?: number;
}

export interface SlotRequest {
  /** IANA zone of the business: hours, overrides, closures and `from`/`to` are read in it. */
  timezone: string;
  /** First and last date (inclusive), `YYYY-MM-DD` in `timezone`. */
  from: string;
  to: string;
  /** The current instant; slots start no sooner than `now + minNotice`, no later than `now + horizon`. */
  now: number;
  service: SlotRules;
  /** The eligible resources (already narrowed to one when the caller asked for one). */
  resources: ReadonlyArray<ResourceCalendar>;
  /** Business-wide closures: whole dates, inclusive, in `timezone`. */
  closures: ReadonlyArray<{ startDate: string; endDate: string }>;
  /** Bookings and live holds on these resources around the window. */
  occupancy: ReadonlyArray<Occupancy>;
}

/** An offered start: `remaining` seats summed over `resourceIds`, the resources that can take it. */
export interface ComputedSlot {
  start: number;
  end: number;
  remaining: number;
  resourceIds: string[];
}

/** One resource's answer for one start time (see `checkStart`). */
export interface ResourceOpening {
  resourceId: string;
  remaining: number;
}

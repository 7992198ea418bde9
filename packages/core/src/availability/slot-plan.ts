/**
 * @module The rules of one availability question turned into numbers (milliseconds, limits) once,
 * and the test a resource applies to a candidate start. Shared by `computeSlots` and `checkStart`
 * so that the two can never disagree.
 */
import { MS_PER_DAY, MS_PER_MINUTE } from '../time/local-date.js';
import { zoneOffsets } from '../time/zone-offsets.js';
import { BLOCKED } from './occupancy-index.js';
import type { ResourceCalendar, SlotRequest, SlotRules } from './types.js';

export interface SlotPlan {
  zone: string;
  serviceId: string;
  capacity: number;
  stepMinutes: number;
  durationMs: number;
  beforeMs: number;
  afterMs: number;
  /** The first and last instants a start may have (notice and horizon). */
  earliest: number;
  latest: number;
  /** Days either side of a start's date whose hours can matter to its buffered block. */
  marginDays: number;
}

function wholeNumber(rules: SlotRules, field: keyof SlotRules, min: number): number {
  const value = rules[field];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new RangeError(`Invalid service rule ${field}=${String(value)}: expected an integer >= ${min}`);
  }
  return value;
}

/** Checks the rules (a bad rule is a caller bug: it throws a `RangeError`) and derives the plan. */
export function planSlots(req: Omit<SlotRequest, 'from' | 'to'>): SlotPlan {
  const rules = req.service;
  if (!Number.isFinite(req.now)) throw new RangeError(`Invalid now ${req.now}: expected epoch milliseconds`);
  zoneOffsets(req.timezone);
  const duration = wholeNumber(rules, 'durationMinutes', 1);
  const before = wholeNumber(rules, 'bufferBeforeMinutes', 0);
  const after = wholeNumber(rules, 'bufferAfterMinutes', 0);
  return {
    zone: req.timezone,
    serviceId: rules.id,
    capacity: wholeNumber(rules, 'capacity', 1),
    stepMinutes: wholeNumber(rules, 'slotIntervalMinutes', 1),
    durationMs: duration * MS_PER_MINUTE,
    beforeMs: before * MS_PER_MINUTE,
    afterMs: after * MS_PER_MINUTE,
    earliest: req.now + wholeNumber(rules, 'minNoticeMinutes', 0) * MS_PER_MINUTE,
    latest: req.now + wholeNumber(rules, 'horizonDays', 0) * MS_PER_DAY,
    // One extra day covers the hour or two an offset change can move a wall time.
    marginDays: Math.ceil(Math.max(before, duration + after) / 1440) + 1,
  };
}

/**
 * The resources with repeated ids dropped (the first one kept): a service that lists a resource
 * twice must not offer its seats twice.
 */
export function distinctResources(resources: ReadonlyArray<ResourceCalendar>): ResourceCalendar[] {
  const seen = new Set<string>();
  return resources.filter((r) => {
    if (seen.has(r.id)) return false;
    seen.add(r.id);
    return true;
  });
}

/** Whether wall minute `minute` is on the grid of one of a day's intervals (flat minute pairs). */
export function onGrid(intervals: readonly number[], minute: number, step: number): boolean {
  for (let i = 0; i < intervals.length; i += 2) {
    const start = intervals[i]!;
    if (minute >= start && minute < intervals[i + 1]! && (minute - start) % step === 0) return true;
  }
  return false;
}

/** What `seatsLeft` asks of a resource (a sweeping index in `computeSlots`, a scan in `checkStart`). */
export interface ResourceState {
  /** Whether `[blockStart, blockEnd)` lies inside one working window. */
  fits(blockStart: number, blockEnd: number): boolean;
  /** Seats the session already holds, or `BLOCKED` when another occupancy overlaps the block. */
  seatsTaken(serviceId: string, start: number, blockStart: number, blockEnd: number): number;
}

/**
 * Seats a resource still has at `start` (0 when it cannot take it): its buffered block must fit in
 * its working windows, and every occupancy it overlaps must be the same session with seats left.
 */
export function seatsLeft(plan: SlotPlan, resource: ResourceState, start: number): number {
  const blockStart = start - plan.beforeMs;
  const blockEnd = start + plan.durationMs + plan.afterMs;
  if (!resource.fits(blockStart, blockEnd)) return 0;
  const taken = resource.seatsTaken(plan.serviceId, start, blockStart, blockEnd);
  return taken === BLOCKED ? 0 : Math.max(0, plan.capacity - taken);
}

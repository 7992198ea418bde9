/**
 * @module `computeSlots`: every start time a service offers between two dates. Each resource walks
 * its wall-clock grid day by day (a whole day converts through one offset unless a DST change is
 * near), sweeps its working windows and sorted occupancy alongside, and the per-resource lists,
 * already in order, are merged into one list of distinct instants.
 */

import { dayClock } from '../time/day-clock.js';
import { MS_PER_DAY, MS_PER_MINUTE, parseLocalDate } from '../time/local-date.js';
import { instantToWall } from '../time/zoned-time.js';
import { type ClosedDays, dayHours, parseClosures } from './day-hours.js';
import { indexOccupancy, type ResourceOccupancy } from './occupancy-index.js';
import { distinctResources, planSlots, type ResourceState, type SlotPlan, seatsLeft } from './slot-plan.js';
import type { ComputedSlot, ResourceCalendar, SlotRequest } from './types.js';
import { WindowFinder, workingWindows } from './working-windows.js';

/** One resource's offered starts, ascending, with its seats left at each. */
interface ResourceStarts {
  starts: number[];
  seats: number[];
}

/** A resource as `seatsLeft` sees it during the walk: both lookups sweep forward with the starts. */
class SweepingResource implements ResourceState {
  constructor(
    private readonly finder: WindowFinder,
    private readonly occupancy: ResourceOccupancy,
  ) {}

  fits(blockStart: number, blockEnd: number): boolean {
    return this.finder.fits(blockStart, blockEnd);
  }

  seatsTaken(serviceId: string, start: number, blockStart: number, blockEnd: number): number {
    return this.occupancy.seatsTaken(serviceId, start, blockStart, blockEnd);
  }
}

/** What every resource's walk shares. */
interface Walk {
  plan: SlotPlan;
  firstDay: number;
  lastDay: number;
  closed: ClosedDays;
}

/**
 * The start times `req.service` offers from `req.from` to `req.to` (dates in `req.timezone`),
 * sorted, one entry per instant, with the resources that can take each and their seats left.
 * Throws a `RangeError` for an unknown zone, a malformed date or an impossible service rule.
 */
export function computeSlots(req: SlotRequest): ComputedSlot[] {
  const plan = planSlots(req);
  // Dates that cannot hold a start between notice and horizon are not walked at all, so a wide
  // `from..to` costs nothing. One day of slack: a fall-back can put a later instant on an earlier date.
  const firstDay = Math.max(parseLocalDate(req.from), instantToWall(plan.earliest, plan.zone).day - 1);
  const lastDay = Math.min(parseLocalDate(req.to), instantToWall(plan.latest, plan.zone).day + 1);
  const resources = distinctResources(req.resources);
  if (firstDay > lastDay || resources.length === 0) return [];

  const walk: Walk = {
    plan,
    firstDay,
    lastDay,
    closed: parseClosures(req.closures),
  };
  const occupancy = indexOccupancy(
    req.occupancy,
    resources.map((r) => r.id),
  );
  const perResource = resources.map((resource) => startsOf(resource, walk, occupancy.get(resource.id)!));
  return mergeStarts(perResource, resources, plan.durationMs);
}

function startsOf(resource: ResourceCalendar, walk: Walk, occupancy: ResourceOccupancy): ResourceStarts {
  const { plan, firstDay, lastDay } = walk;
  const hours = dayHours(resource, walk.closed);
  const windows = workingWindows(
    hours,
    firstDay - plan.marginDays,
    lastDay + plan.marginDays,
    plan.zone,
    resource.timeOff,
  );
  const found: ResourceStarts = { starts: [], seats: [] };
  if (windows.length === 0) return found;
  const state = new SweepingResource(new WindowFinder(windows), occupancy);
  let ordered = true;
  let previous = Number.NEGATIVE_INFINITY;
  for (let day = firstDay; day <= lastDay; day++) {
    const intervals = hours.on(day);
    if (intervals.length === 0) continue;
    const midnight = day * MS_PER_DAY;
    const clock = dayClock(day, plan.zone);
    const offset = clock.offset;
    for (let i = 0; i < intervals.length; i += 2) {
      const end = intervals[i + 1]!;
      for (let minute = intervals[i]!; minute < end; minute += plan.stepMinutes) {
        // A wall time skipped by spring-forward is no start; an ambiguous one is its first occurrence.
        const start =
          offset === null ? clock.toInstant(minute, 'skip') : midnight + (minute - offset) * MS_PER_MINUTE;
        if (start === null || start < plan.earliest || start > plan.latest) continue;
        const seats = seatsLeft(plan, state, start);
        if (seats === 0) continue;
        if (start <= previous) {
          if (start === previous) continue;
          ordered = false;
        }
        previous = start;
        found.starts.push(start);
        found.seats.push(seats);
      }
    }
  }
  return ordered ? found : sortStarts(found);
}

/** Sorts and de-duplicates starts; only needed when overlapping intervals broke the order. */
function sortStarts(found: ResourceStarts): ResourceStarts {
  const bySeat = new Map<number, number>();
  for (let i = 0; i < found.starts.length; i++) bySeat.set(found.starts[i]!, found.seats[i]!);
  const starts = [...bySeat.keys()].sort((a, b) => a - b);
  return { starts, seats: starts.map((s) => bySeat.get(s)!) };
}

/** Merges the per-resource ascending lists into one slot per instant (resources in input order). */
function mergeStarts(
  lists: ResourceStarts[],
  resources: ReadonlyArray<ResourceCalendar>,
  durationMs: number,
): ComputedSlot[] {
  const slots: ComputedSlot[] = [];
  const cursor = lists.map(() => 0);
  for (;;) {
    let next = Number.POSITIVE_INFINITY;
    for (let r = 0; r < lists.length; r++) {
      const { starts } = lists[r]!;
      // Bounds checked explicitly: reading past an array's end is a slow path in engines.
      if (cursor[r]! < starts.length && starts[cursor[r]!]! < next) next = starts[cursor[r]!]!;
    }
    if (next === Number.POSITIVE_INFINITY) return slots;
    const slot: ComputedSlot = { start: next, end: next + durationMs, remaining: 0, resourceIds: [] };
    for (let r = 0; r < lists.length; r++) {
      const list = lists[r]!;
      const at = cursor[r]!;
      if (at < list.starts.length && list.starts[at] === next) {
        slot.remaining += list.seats[at]!;
        slot.resourceIds.push(resources[r]!.id);
        cursor[r] = at + 1;
      }
    }
    slots.push(slot);
  }
}

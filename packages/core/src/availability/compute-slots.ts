/**
 * @module `computeSlots`: every start time a service offers between two dates. Each resource walks
 * its wall-clock grid day by day (a whole day converts through one offset unless a DST change is
 * near), tests each start against its working windows and its sorted occupancy, and the per-resource
 * lists, already in order, are merged into one list of distinct instants.
 */
import { MS_PER_DAY, MS_PER_MINUTE, parseLocalDate } from '../time/local-date.js';
import { instantToWall, uniformDayOffset, wallToInstant } from '../time/zoned-time.js';
import { dayHours, parseClosures } from './day-hours.js';
import { indexOccupancy } from './occupancy-index.js';
import { planSlots, type SlotPlan, seatsLeft } from './slot-plan.js';
import type { ComputedSlot, ResourceCalendar, SlotRequest } from './types.js';
import { workingWindows } from './working-windows.js';

/** One resource's offered starts, ascending, with its seats left at each. */
interface ResourceStarts {
  starts: number[];
  seats: number[];
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
  if (firstDay > lastDay || req.resources.length === 0) return [];

  const closed = parseClosures(req.closures);
  const occupancy = indexOccupancy(
    req.occupancy,
    req.resources.map((r) => r.id),
  );
  const perResource = req.resources.map((resource) =>
    startsOf(resource, plan, firstDay, lastDay, closed, occupancy.get(resource.id)!),
  );
  return mergeStarts(perResource, req.resources, plan.durationMs);
}

function startsOf(
  resource: ResourceCalendar,
  plan: SlotPlan,
  firstDay: number,
  lastDay: number,
  closed: ReturnType<typeof parseClosures>,
  occupancy: Parameters<typeof seatsLeft>[2],
): ResourceStarts {
  const hours = dayHours(resource, closed);
  const windows = workingWindows(
    hours,
    firstDay - plan.marginDays,
    lastDay + plan.marginDays,
    plan.zone,
    resource.timeOff,
  );
  const found: ResourceStarts = { starts: [], seats: [] };
  if (windows.length === 0) return found;
  let ordered = true;
  for (let day = firstDay; day <= lastDay; day++) {
    const intervals = hours.on(day);
    if (intervals.length === 0) continue;
    const midnight = day * MS_PER_DAY;
    const offset = uniformDayOffset(day, plan.zone);
    for (let i = 0; i < intervals.length; i += 2) {
      const end = intervals[i + 1]!;
      for (let minute = intervals[i]!; minute < end; minute += plan.stepMinutes) {
        const wall = midnight + minute * MS_PER_MINUTE;
        // A wall time skipped by spring-forward is no start; an ambiguous one is its first occurrence.
        const start =
          offset === null ? wallToInstant(wall, plan.zone, 'skip') : wall - offset * MS_PER_MINUTE;
        if (start === null || start < plan.earliest || start > plan.latest) continue;
        const seats = seatsLeft(plan, windows, occupancy, start);
        if (seats === 0) continue;
        const previous = found.starts[found.starts.length - 1];
        if (previous !== undefined && start <= previous) {
          if (start === previous) continue;
          ordered = false;
        }
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
      const start = lists[r]!.starts[cursor[r]!];
      if (start !== undefined && start < next) next = start;
    }
    if (next === Number.POSITIVE_INFINITY) return slots;
    const slot: ComputedSlot = { start: next, end: next + durationMs, remaining: 0, resourceIds: [] };
    for (let r = 0; r < lists.length; r++) {
      const list = lists[r]!;
      if (list.starts[cursor[r]!] === next) {
        slot.remaining += list.seats[cursor[r]!]!;
        slot.resourceIds.push(resources[r]!.id);
        cursor[r]!++;
      }
    }
    slots.push(slot);
  }
}

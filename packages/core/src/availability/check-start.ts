/**
 * @module `checkStart`: whether one start instant is open, and on which resources — the booking
 * transaction's re-check. It applies exactly the rules of `computeSlots` but looks only at the few
 * days around that start, so it stays cheap however far ahead the booking is.
 */
import { dayClock } from '../time/day-clock.js';
import { instantToWall } from '../time/zoned-time.js';
import { dayHours, parseClosures } from './day-hours.js';
import { seatsTakenAt } from './occupancy-index.js';
import { distinctResources, onGrid, planSlots, seatsLeft } from './slot-plan.js';
import type { ResourceOpening, SlotRequest } from './types.js';
import { WindowFinder, workingWindows } from './working-windows.js';

/** A `SlotRequest` without the date range: `checkStart` reads the date from the start itself. */
export type StartCheckRequest = Omit<SlotRequest, 'from' | 'to'> & Partial<Pick<SlotRequest, 'from' | 'to'>>;

/**
 * The resources (in input order) that can take a booking starting at instant `start`, each with
 * its seats left; empty when the start is not offered. Only starts `computeSlots` would offer
 * pass: on a resource's wall-clock grid, not in a skipped hour nor the second run of a repeated
 * one, between notice and horizon. `req.from`/`req.to` are ignored. `resourceId` narrows the check
 * to that resource (an id not among `req.resources` gives an empty answer).
 */
export function checkStart(req: StartCheckRequest, start: number, resourceId?: string): ResourceOpening[] {
  const plan = planSlots(req);
  if (!Number.isInteger(start) || start < plan.earliest || start > plan.latest) return [];
  const { day, minutes } = instantToWall(start, plan.zone);
  // The round trip fails for a start with seconds and for the later instant of a repeated hour.
  if (dayClock(day, plan.zone).toInstant(minutes, 'skip') !== start) return [];

  const closed = parseClosures(req.closures);
  const openings: ResourceOpening[] = [];
  for (const resource of distinctResources(req.resources)) {
    if (resourceId !== undefined && resource.id !== resourceId) continue;
    const hours = dayHours(resource, closed);
    if (!onGrid(hours.on(day), minutes, plan.stepMinutes)) continue;
    const windows = workingWindows(
      hours,
      day - plan.marginDays,
      day + plan.marginDays,
      plan.zone,
      resource.timeOff,
    );
    const finder = new WindowFinder(windows);
    const remaining = seatsLeft(
      plan,
      {
        fits: (blockStart, blockEnd) => finder.fits(blockStart, blockEnd),
        seatsTaken: (serviceId, at, blockStart, blockEnd) =>
          seatsTakenAt(req.occupancy, resource.id, serviceId, at, blockStart, blockEnd),
      },
      start,
    );
    if (remaining > 0) openings.push({ resourceId: resource.id, remaining });
  }
  return openings;
}

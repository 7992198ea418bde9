/**
 * @module Bookings and live holds per resource, sorted once so that each candidate start finds the
 * occupancies its block overlaps by binary search instead of scanning them all.
 */
import type { Occupancy } from './types.js';

/** The session a candidate start would join: its service, start and buffered block. */
export interface Session {
  serviceId: string;
  start: number;
  blockStart: number;
  blockEnd: number;
}

/** Returned by `seatsTaken` when another session overlaps: the resource cannot take the start. */
export const BLOCKED = -1;

/** The occupancies of one resource, sorted by `blockStart`. */
export class ResourceOccupancy {
  private readonly items: Occupancy[];
  /** The longest block, so a search can start early enough to see every overlapping one. */
  private readonly longest: number;

  constructor(items: Occupancy[]) {
    this.items = items.filter((o) => o.blockStart < o.blockEnd).sort((a, b) => a.blockStart - b.blockStart);
    this.longest = this.items.reduce((max, o) => Math.max(max, o.blockEnd - o.blockStart), 0);
  }

  /**
   * Seats already taken in `session` (occupancies of the same service and start), or `BLOCKED` when
   * any other occupancy overlaps its block.
   */
  seatsTaken(session: Session): number {
    const { items } = this;
    const from = session.blockStart - this.longest;
    let low = 0;
    let high = items.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (items[mid]!.blockStart < from) low = mid + 1;
      else high = mid;
    }
    let seats = 0;
    for (let i = low; i < items.length; i++) {
      const o = items[i]!;
      if (o.blockStart >= session.blockEnd) break;
      if (o.blockEnd <= session.blockStart) continue;
      if (o.serviceId !== session.serviceId || o.start !== session.start) return BLOCKED;
      seats++;
    }
    return seats;
  }
}

/** Groups occupancies by resource id; resources without any get an empty index. */
export function indexOccupancy(
  occupancy: ReadonlyArray<Occupancy>,
  resourceIds: ReadonlyArray<string>,
): Map<string, ResourceOccupancy> {
  const byResource = new Map<string, Occupancy[]>(resourceIds.map((id) => [id, []]));
  for (const o of occupancy) byResource.get(o.resourceId)?.push(o);
  return new Map([...byResource].map(([id, items]) => [id, new ResourceOccupancy(items)]));
}

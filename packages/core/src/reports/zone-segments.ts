/**
 * @module A zone's UTC offsets over a span of instants, as the few runs of constant offset it
 * falls into: what lets a database without zone rules place instants on the business's wall
 * clock (a `CASE` over the runs, see the API's report queries), exactly across DST changes.
 */
import { zoneOffsets } from '../time/zone-offsets.js';

/** From `start` on (until the next segment's start), the zone is `offsetMinutes` east of UTC. */
export interface OffsetSegment {
  start: number;
  offsetMinutes: number;
}

/**
 * The offset runs covering `[start, end)`: the first begins at `start`, one more at each change.
 *
 * @example offsetSegments('Europe/Lisbon', Date.parse('2026-03-23T00:00Z'), Date.parse('2026-03-30T00:00Z'))
 * // [{ start: …23 Mar, offsetMinutes: 0 }, { start: Date.parse('2026-03-29T01:00Z'), offsetMinutes: 60 }]
 */
export function offsetSegments(zone: string, start: number, end: number): OffsetSegment[] {
  const offsets = zoneOffsets(zone);
  const segments: OffsetSegment[] = [{ start, offsetMinutes: offsets.offsetAt(start) }];
  for (const change of offsets.changesBetween(start, end)) {
    if (change.at > start) segments.push({ start: change.at, offsetMinutes: change.after });
  }
  return segments;
}

/**
 * @module UTC offsets of IANA zones, read from `Intl.DateTimeFormat` and cached. `Intl` is the
 * only source of zone rules in a browser, and it is slow (microseconds a call), so offsets are
 * sampled once per zone and UTC week and the exact instant of each change is found by bisection
 * the first time it is needed: a month of slots costs a handful of `Intl` calls, then none.
 */
import { daysFromCivil, MS_PER_DAY, MS_PER_MINUTE } from './local-date.js';

const MS_PER_WEEK = 7 * MS_PER_DAY;
const MINUTES_PER_WEEK = 7 * 24 * 60;
/** Past this many cached samples for one zone the cache starts over, so memory stays bounded. */
const MAX_SAMPLES = 20_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    // Throws a RangeError for an unknown zone, which is the error callers should see.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The offset in whole minutes at `ms`, asked of `Intl` (uncached). */
function intlOffsetMinutes(zone: string, ms: number): number {
  const second = Math.floor(ms / 1000) * 1000;
  const fields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(zone).formatToParts(second)) {
    if (part.type in fields) fields[part.type as keyof typeof fields] = Number(part.value);
  }
  // Some engines print midnight as hour 24 even with h23.
  const hour = fields.hour === 24 ? 0 : fields.hour;
  const wall =
    daysFromCivil(fields.year, fields.month, fields.day) * MS_PER_DAY +
    hour * 3_600_000 +
    fields.minute * MS_PER_MINUTE +
    fields.second * 1000;
  return Math.round((wall - second) / MS_PER_MINUTE);
}

/**
 * The offsets of one zone. Assumes at most one offset change per UTC week, which holds for every
 * zone in the IANA database since the 1970s (changes are months apart).
 */
export class ZoneOffsets {
  /** Offset at the start of UTC week `w` (weeks counted from the epoch). */
  private readonly weekStart = new Map<number, number>();
  /** Instant of the offset change inside UTC week `w`, when there is one. */
  private readonly changes = new Map<number, number>();

  constructor(readonly zone: string) {
    formatterFor(zone);
  }

  private sample(week: number): number {
    let offset = this.weekStart.get(week);
    if (offset === undefined) {
      if (this.weekStart.size >= MAX_SAMPLES) {
        this.weekStart.clear();
        this.changes.clear();
      }
      offset = intlOffsetMinutes(this.zone, week * MS_PER_WEEK);
      this.weekStart.set(week, offset);
    }
    return offset;
  }

  /** The instant the offset changes within UTC week `week`, or undefined when it does not. */
  changeIn(week: number): number | undefined {
    const before = this.sample(week);
    if (before === this.sample(week + 1)) return undefined;
    let change = this.changes.get(week);
    if (change === undefined) {
      // Bisect to the minute: changes happen on whole minutes in every modern rule.
      let low = 0;
      let high = MINUTES_PER_WEEK;
      const start = week * MS_PER_WEEK;
      while (high - low > 1) {
        const mid = (low + high) >>> 1;
        if (intlOffsetMinutes(this.zone, start + mid * MS_PER_MINUTE) === before) low = mid;
        else high = mid;
      }
      change = start + high * MS_PER_MINUTE;
      this.changes.set(week, change);
    }
    return change;
  }

  /** The offset (minutes east of UTC) in force at instant `ms`. */
  offsetAt(ms: number): number {
    const week = Math.floor(ms / MS_PER_WEEK);
    const change = this.changeIn(week);
    return change !== undefined && ms >= change ? this.sample(week + 1) : this.sample(week);
  }

  /** Whether the offset changes anywhere in `[from, to)`: the allocation-free fast-path test. */
  changesWithin(from: number, to: number): boolean {
    const last = Math.floor(to / MS_PER_WEEK);
    for (let week = Math.floor(from / MS_PER_WEEK); week <= last; week++) {
      const at = this.changeIn(week);
      if (at !== undefined && at >= from && at < to) return true;
    }
    return false;
  }

  /** The offset changes in `[from, to)`, in order, each with the offsets either side. */
  changesBetween(from: number, to: number): Array<{ at: number; before: number; after: number }> {
    const found: Array<{ at: number; before: number; after: number }> = [];
    const last = Math.floor(to / MS_PER_WEEK);
    for (let week = Math.floor(from / MS_PER_WEEK); week <= last; week++) {
      const at = this.changeIn(week);
      if (at !== undefined && at >= from && at < to) {
        found.push({ at, before: this.sample(week), after: this.sample(week + 1) });
      }
    }
    return found;
  }
}

const zones = new Map<string, ZoneOffsets>();

/** The cached offsets of `zone`; throws a `RangeError` for a zone `Intl` does not know. */
export function zoneOffsets(zone: string): ZoneOffsets {
  let offsets = zones.get(zone);
  if (!offsets) {
    offsets = new ZoneOffsets(zone);
    zones.set(zone, offsets);
  }
  return offsets;
}

/** Minutes east of UTC in `zone` at instant `ms`, e.g. 60 for Europe/London in summer. */
export function offsetMinutes(ms: number, zone: string): number {
  return zoneOffsets(zone).offsetAt(ms);
}

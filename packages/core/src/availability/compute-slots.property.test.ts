/**
 * @module Property tests of the availability engine against a deliberately naive reference: working
 * time as a per-minute bitmap built from `zonedToInstant` alone, each candidate checked minute by
 * minute and against every occupancy. Random zones, dates near DST changes, schedules, bookings.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TimeInterval, Weekday, WeeklyHours } from '../schemas/schedule.js';
import { addDays, eachDate, weekdayOf } from '../time/local-date.js';
import { instantToZoned, zonedToInstant } from '../time/zoned-time.js';
import { checkStart } from './check-start.js';
import { computeSlots } from './compute-slots.js';
import type { ComputedSlot, Occupancy, ResourceCalendar, SlotRequest } from './types.js';

const MIN = 60_000;
const DAY = 1440 * MIN;
/** Zones to test in, each with the dates of its 2026 offset changes (none for fixed-offset zones). */
const zoneChanges: Record<string, string[]> = {
  UTC: [],
  'Asia/Kolkata': [],
  'Europe/London': ['2026-03-29', '2026-10-25'],
  'America/New_York': ['2026-03-08', '2026-11-01'],
  'Australia/Sydney': ['2026-04-05', '2026-10-04'],
  'Pacific/Chatham': ['2026-04-05', '2026-09-27'],
  'America/Santiago': ['2026-04-05', '2026-09-06'], // changes at midnight: 24:00 can fall in a gap
  'Australia/Lord_Howe': ['2026-04-05', '2026-10-04'], // a 30-minute shift
};
const names = ['ann', 'bob', 'cyd'];
const weekdayList: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** 0–3 sorted, non-overlapping (possibly touching) intervals on a 15-minute grid. */
const dayIntervalsArb: fc.Arbitrary<TimeInterval[]> = fc
  .array(
    // Biased towards the small hours (where DST changes happen) and midnight (where days join).
    fc.oneof(
      { arbitrary: fc.integer({ min: 0, max: 96 }), weight: 3 },
      { arbitrary: fc.integer({ min: 0, max: 16 }), weight: 1 },
      { arbitrary: fc.integer({ min: 88, max: 96 }), weight: 1 },
    ),
    { maxLength: 6 },
  )
  .map((points) => {
    const sorted = [...points].sort((a, b) => a - b);
    const out: TimeInterval[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) {
      if (sorted[i]! < sorted[i + 1]!)
        out.push({ start: hhmm(sorted[i]! * 15), end: hhmm(sorted[i + 1]! * 15) });
    }
    return out;
  });

const scenarioArb = fc
  .record({
    // Three runs in four start near one of the zone's offset changes.
    where: fc.constantFrom(...Object.keys(zoneChanges)).chain((zone) =>
      fc.record({
        zone: fc.constant(zone),
        base: fc.oneof(
          { arbitrary: fc.integer({ min: 0, max: 364 }).map((d) => addDays('2026-01-01', d)), weight: 1 },
          {
            arbitrary: fc.constantFrom(...(zoneChanges[zone]?.length ? zoneChanges[zone] : ['2026-06-01'])),
            weight: 3,
          },
        ),
      }),
    ),
    startShift: fc.integer({ min: -3, max: 1 }),
    days: fc.integer({ min: 0, max: 5 }),
    nowShiftMinutes: fc.integer({ min: -5 * 1440, max: 2 * 1440 }),
    service: fc.record({
      // Now and then a block of many hours, so that blocks span midnight and whole days.
      durationMinutes: fc.oneof(
        { arbitrary: fc.integer({ min: 1, max: 36 }).map((n) => n * 5), weight: 5 },
        { arbitrary: fc.integer({ min: 37, max: 288 }).map((n) => n * 5), weight: 1 },
      ),
      bufferBeforeMinutes: fc.oneof(
        fc.constant(0),
        fc.integer({ min: 1, max: 12 }).map((n) => n * 5),
        fc.integer({ min: 13, max: 288 }).map((n) => n * 5),
      ),
      bufferAfterMinutes: fc.oneof(
        fc.constant(0),
        fc.integer({ min: 1, max: 12 }).map((n) => n * 5),
        fc.integer({ min: 13, max: 288 }).map((n) => n * 5),
      ),
      slotIntervalMinutes: fc.integer({ min: 1, max: 12 }).map((n) => n * 15),
      minNoticeMinutes: fc.integer({ min: 0, max: 3000 }),
      horizonDays: fc.integer({ min: 1, max: 8 }),
      capacity: fc.integer({ min: 1, max: 5 }),
    }),
    resources: fc.array(
      fc.record({
        week: fc.array(dayIntervalsArb, { minLength: 7, maxLength: 7 }),
        /** Staff often share hours: then several resources offer the same instants. */
        sharesFirstWeek: fc.boolean(),
        /** Equipment may be bookable round the clock: long blocks then fit across days. */
        roundTheClock: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
        overrides: fc.array(
          fc.record({ shift: fc.integer({ min: -2, max: 7 }), intervals: dayIntervalsArb }),
          {
            maxLength: 3,
          },
        ),
        timeOff: fc.array(
          fc.record({
            at: fc.integer({ min: -2 * 96, max: 8 * 96 }),
            length: fc.integer({ min: 1, max: 96 }),
          }),
          { maxLength: 3 },
        ),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    closures: fc.array(
      fc.record({ shift: fc.integer({ min: -2, max: 7 }), length: fc.integer({ min: 0, max: 2 }) }),
      {
        maxLength: 2,
      },
    ),
    bookings: fc.array(
      fc.record({
        resource: fc.integer({ min: 0, max: 2 }),
        sameService: fc.boolean(),
        /** Quarter hours from the base date's UTC midnight: lands on candidate starts often. */
        at: fc.integer({ min: -96, max: 7 * 96 }),
        length: fc.integer({ min: 1, max: 16 }),
        copies: fc.integer({ min: 1, max: 3 }),
      }),
      { maxLength: 25 },
    ),
  })
  .map((s): SlotRequest => {
    const from = addDays(s.where.base, s.startShift);
    const origin = Date.parse(`${from}T00:00:00Z`);
    const service = { id: 'svc', ...s.service };
    const resources: ResourceCalendar[] = s.resources.map((r, i) => ({
      id: names[i]!,
      hours: Object.fromEntries(
        weekdayList.map((d, j) => [
          d,
          r.roundTheClock
            ? [{ start: '00:00', end: '24:00' }]
            : (r.sharesFirstWeek ? s.resources[0]! : r).week[j]!,
        ]),
      ) as WeeklyHours,
      overrides: r.overrides.map((o) => ({ date: addDays(from, o.shift), intervals: o.intervals })),
      timeOff: r.timeOff.map((t) => ({
        start: origin + t.at * 15 * MIN,
        end: origin + (t.at + t.length) * 15 * MIN,
      })),
    }));
    const occupancy: Occupancy[] = s.bookings.flatMap((b) => {
      const resourceId = names[b.resource % resources.length]!;
      const start = origin + b.at * 15 * MIN;
      const booking: Occupancy = b.sameService
        ? {
            resourceId,
            serviceId: 'svc',
            start,
            blockStart: start - service.bufferBeforeMinutes * MIN,
            blockEnd: start + (service.durationMinutes + service.bufferAfterMinutes) * MIN,
          }
        : { resourceId, serviceId: 'other', start, blockStart: start, blockEnd: start + b.length * 15 * MIN };
      return Array.from({ length: b.sameService ? b.copies : 1 }, () => booking);
    });
    return {
      timezone: s.where.zone,
      from,
      to: addDays(from, s.days),
      now: origin + s.nowShiftMinutes * MIN,
      service,
      resources,
      closures: s.closures.map((c) => ({
        startDate: addDays(from, c.shift),
        endDate: addDays(from, c.shift + c.length),
      })),
      occupancy,
    };
  });

/**
 * Adds bookings of the service itself at starts the engine offers (1..3 seats each), so that seat
 * counting and the same-session rule are exercised in most runs, not by chance.
 */
const withSessionsArb: fc.Arbitrary<SlotRequest> = scenarioArb.chain((req) => {
  const slots = computeSlots(req);
  if (slots.length === 0) return fc.constant(req);
  const { service } = req;
  return fc
    .array(
      fc.record({ slot: fc.nat(slots.length - 1), pick: fc.nat(), copies: fc.integer({ min: 1, max: 3 }) }),
      {
        maxLength: 6,
      },
    )
    .map((picks) => ({
      ...req,
      occupancy: [
        ...req.occupancy,
        ...picks.flatMap(({ slot, pick, copies }) => {
          const { start, resourceIds } = slots[slot]!;
          const booking: Occupancy = {
            resourceId: resourceIds[pick % resourceIds.length]!,
            serviceId: service.id,
            start,
            blockStart: start - service.bufferBeforeMinutes * MIN,
            blockEnd: start + (service.durationMinutes + service.bufferAfterMinutes) * MIN,
          };
          return Array.from({ length: copies }, () => booking);
        }),
      ],
    }));
});

/** The intervals of one date, from the rules as written in design.md. */
function intervalsOn(
  req: SlotRequest,
  resource: ResourceCalendar,
  date: string,
): ReadonlyArray<TimeInterval> {
  if (req.closures.some((c) => c.startDate <= date && date <= c.endDate)) return [];
  const override = resource.overrides.filter((o) => o.date === date).at(-1);
  return override ? override.intervals : (resource.hours[weekdayOf(date)] ?? []);
}

const minutesOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** The instant of a working-hours edge: a wall time in a gap starts/ends at the first one that exists. */
function edgeInstant(date: string, minutes: number, zone: string): number {
  for (let m = minutes; ; m++) {
    const instant =
      m <= 1440 ? zonedToInstant(date, m, zone) : zonedToInstant(addDays(date, 1), m - 1440, zone);
    if (instant !== null) return instant;
  }
}

/** The naive engine: minute bitmaps and full scans. */
function referenceSlots(req: SlotRequest): ComputedSlot[] {
  const { service, timezone: zone } = req;
  const origin = Date.parse(`${addDays(req.from, -3)}T00:00:00Z`) - DAY;
  const length = ([...eachDate(req.from, req.to)].length + 8) * 1440;
  const byStart = new Map<number, ComputedSlot>();
  for (const resource of req.resources) {
    // working[i]: minute origin + i is working time.
    const working = new Uint8Array(length);
    for (const date of eachDate(addDays(req.from, -3), addDays(req.to, 3))) {
      for (const iv of intervalsOn(req, resource, date)) {
        const a = edgeInstant(date, minutesOf(iv.start), zone);
        const b = edgeInstant(date, minutesOf(iv.end), zone);
        for (let t = a; t < b; t += MIN) working[(t - origin) / MIN] = 1;
      }
    }
    for (const off of resource.timeOff) {
      for (let t = off.start; t < off.end; t += MIN) {
        const i = (t - origin) / MIN;
        if (i >= 0 && i < length) working[i] = 0;
      }
    }
    const workedBefore = new Uint32Array(length + 1);
    for (let i = 0; i < length; i++) workedBefore[i + 1] = workedBefore[i]! + working[i]!;
    for (const date of eachDate(req.from, req.to)) {
      for (const iv of intervalsOn(req, resource, date)) {
        for (let m = minutesOf(iv.start); m < minutesOf(iv.end); m += service.slotIntervalMinutes) {
          const start = zonedToInstant(date, m, zone);
          if (start === null) continue;
          if (start < req.now + service.minNoticeMinutes * MIN || start > req.now + service.horizonDays * DAY)
            continue;
          const blockStart = start - service.bufferBeforeMinutes * MIN;
          const blockEnd = start + (service.durationMinutes + service.bufferAfterMinutes) * MIN;
          // Every minute of the block must be working time (counted with prefix sums).
          const first = (blockStart - origin) / MIN;
          const last = (blockEnd - origin) / MIN;
          if (first < 0 || last > length || workedBefore[last]! - workedBefore[first]! !== last - first)
            continue;
          const overlapping = req.occupancy.filter(
            (o) => o.resourceId === resource.id && o.blockStart < blockEnd && o.blockEnd > blockStart,
          );
          if (overlapping.some((o) => o.serviceId !== service.id || o.start !== start)) continue;
          if (overlapping.length >= service.capacity) continue;
          const slot = byStart.get(start) ?? {
            start,
            end: start + service.durationMinutes * MIN,
            remaining: 0,
            resourceIds: [],
          };
          if (slot.resourceIds.includes(resource.id)) continue;
          slot.remaining += service.capacity - overlapping.length;
          slot.resourceIds.push(resource.id);
          byStart.set(start, slot);
        }
      }
    }
  }
  return [...byStart.values()].sort((a, b) => a.start - b.start);
}

describe('computeSlots properties', () => {
  it('offers exactly what the naive reference offers', () => {
    fc.assert(
      fc.property(withSessionsArb, (req) => {
        expect(computeSlots(req)).toEqual(referenceSlots(req));
      }),
      { numRuns: 150 },
    );
  });

  it('never offers a start that breaks the rules', () => {
    fc.assert(
      fc.property(withSessionsArb, (req) => {
        const slots = computeSlots(req);
        const { service } = req;
        slots.forEach((slot, i) => {
          if (i > 0) expect(slot.start).toBeGreaterThan(slots[i - 1]!.start);
          expect(slot.end - slot.start).toBe(service.durationMinutes * MIN);
          expect(slot.start).toBeGreaterThanOrEqual(req.now + service.minNoticeMinutes * MIN);
          expect(slot.start).toBeLessThanOrEqual(req.now + service.horizonDays * DAY);
          expect(slot.remaining).toBeGreaterThanOrEqual(1);
          expect(slot.remaining).toBeLessThanOrEqual(service.capacity * slot.resourceIds.length);
          const date = instantToZoned(slot.start, req.timezone).date;
          expect(date >= req.from && date <= req.to).toBe(true);
          const blockStart = slot.start - service.bufferBeforeMinutes * MIN;
          const blockEnd = slot.end + service.bufferAfterMinutes * MIN;
          for (const resourceId of slot.resourceIds) {
            const clash = req.occupancy.filter(
              (o) =>
                o.resourceId === resourceId &&
                o.blockStart < blockEnd &&
                o.blockEnd > blockStart &&
                (o.serviceId !== service.id || o.start !== slot.start),
            );
            expect(clash).toEqual([]);
            const resource = req.resources.find((r) => r.id === resourceId)!;
            expect(resource.timeOff.some((t) => t.start < blockEnd && t.end > blockStart)).toBe(false);
          }
        });
      }),
      { numRuns: 150 },
    );
  });

  it('checkStart agrees with computeSlots on offered starts and on near misses', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.array(fc.integer({ min: 0, max: 6 * 1440 }), { maxLength: 20 }),
        (req, probes) => {
          const slots = computeSlots(req);
          const offered = new Map(slots.map((s) => [s.start, s]));
          const origin = Date.parse(`${req.from}T00:00:00Z`) - DAY;
          const starts = [
            ...slots.map((s) => s.start),
            ...slots.map((s) => s.start + 5 * MIN),
            ...probes.map((p) => origin + p * MIN),
          ];
          for (const start of starts) {
            const date = instantToZoned(start, req.timezone).date;
            if (date < req.from || date > req.to) continue; // outside the question computeSlots answered
            const slot = offered.get(start);
            const expected = slot
              ? slot.resourceIds.map((id) => ({ resourceId: id, remaining: expect.any(Number) as number }))
              : [];
            const openings = checkStart(req, start);
            expect(openings).toEqual(expected);
            expect(openings.reduce((sum, o) => sum + o.remaining, 0)).toBe(slot?.remaining ?? 0);
            for (const opening of openings) {
              expect(checkStart(req, start, opening.resourceId)).toEqual([opening]);
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

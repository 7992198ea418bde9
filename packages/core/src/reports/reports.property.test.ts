/**
 * @module The pure parts of reports against naive references that read the wall clock from `Intl`
 * directly: open minutes by walking a span in 15-minute steps, offset runs by asking every hour.
 * Random zones with DST changes (and a 30-minute one), hours, overrides, closures and time off; plus
 * the fixed cases a reader can check by hand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TimeInterval, Weekday, WeeklyHours } from '../schemas/schedule.js';
import { addDays, eachDate } from '../time/local-date.js';
import { openMinutes } from './open-time.js';
import { periodBuckets, previousDates, reportSpan } from './period.js';
import { offsetSegments } from './zone-segments.js';

const MIN = 60_000;
const zones = ['UTC', 'Europe/Lisbon', 'America/New_York', 'Australia/Lord_Howe', 'America/Santiago'];
const weekdayList: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/**
 * One `Intl` formatter per zone, kept: making one per call cost ~150 µs, and the references ask
 * tens of thousands of times (the two properties took 8.6 and 6.4 s alone, 39 s in a loaded CI).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterOf(zone: string): Intl.DateTimeFormat {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
      hourCycle: 'h23',
    });
    formatters.set(zone, format);
  }
  return format;
}

/** Date, minute of day and weekday of an instant, from `Intl` alone. */
function wall(ms: number, zone: string) {
  const parts = Object.fromEntries(
    formatterOf(zone)
      .formatToParts(ms)
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minute: (Number(parts.hour) % 24) * 60 + Number(parts.minute),
    weekday: String(parts.weekday).toLowerCase().slice(0, 3) as Weekday,
  };
}

const minutesOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

const intervalsArb: fc.Arbitrary<TimeInterval[]> = fc
  .uniqueArray(fc.integer({ min: 0, max: 96 }), { maxLength: 4 })
  .map((edges) => {
    const sorted = [...edges].sort((a, b) => a - b);
    const out: TimeInterval[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) {
      out.push({ start: hhmm(sorted[i]! * 15), end: hhmm(sorted[i + 1]! * 15) });
    }
    return out;
  });

describe('openMinutes', () => {
  it('is 8 h a working day, nothing on a closed or overridden-shut date', () => {
    const hours: WeeklyHours = {
      mon: [{ start: '09:00', end: '17:00' }],
      tue: [{ start: '09:00', end: '17:00' }],
    };
    const resource = { id: 'r', hours, overrides: [], timeOff: [] };
    expect(openMinutes(resource, [], 'Europe/Lisbon', '2026-03-02', '2026-03-08')).toBe(960);
    expect(
      openMinutes(
        resource,
        [{ startDate: '2026-03-03', endDate: '2026-03-03' }],
        'Europe/Lisbon',
        '2026-03-02',
        '2026-03-08',
      ),
    ).toBe(480);
    const shut = { ...resource, overrides: [{ date: '2026-03-02', intervals: [] }] };
    expect(openMinutes(shut, [], 'Europe/Lisbon', '2026-03-02', '2026-03-08')).toBe(480);
  });

  it('counts 23 hours for a whole day on which the clocks go forward, 25 when they go back', () => {
    const allDay: WeeklyHours = { sun: [{ start: '00:00', end: '24:00' }] };
    const resource = { id: 'r', hours: allDay, overrides: [], timeOff: [] };
    expect(openMinutes(resource, [], 'Europe/Lisbon', '2026-03-29', '2026-03-29')).toBe(23 * 60);
    expect(openMinutes(resource, [], 'Europe/Lisbon', '2026-10-25', '2026-10-25')).toBe(25 * 60);
  });

  it('agrees with a 15-minute walk of the wall clock, for random hours, overrides, closures and time off', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.constantFrom('2026-03-05', '2026-03-26', '2026-04-02', '2026-09-03', '2026-10-22', '2026-10-29'),
        fc.integer({ min: 1, max: 10 }),
        fc.tuple(...weekdayList.map(() => intervalsArb)),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), intervalsArb), { maxLength: 2 }),
        fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 2 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 10 * 96 }), fc.integer({ min: 1, max: 40 })), {
          maxLength: 2,
        }),
        (zone, from, days, week, overrideList, closed, offs) => {
          const to = addDays(from, days - 1);
          const hours = Object.fromEntries(weekdayList.map((d, i) => [d, week[i]!])) as WeeklyHours;
          const overrides = overrideList.map(([day, intervals]) => ({ date: addDays(from, day), intervals }));
          const closures = closed.map((day) => ({
            startDate: addDays(from, day),
            endDate: addDays(from, day),
          }));
          const span = reportSpan(from, to, zone);
          const timeOff = offs.map(([quarter, length]) => ({
            start: span.start + quarter * 15 * MIN,
            end: span.start + (quarter + length) * 15 * MIN,
          }));
          // An interval of date D runs from the first instant whose wall clock reads D and its
          // start (or later: a skipped start begins at the change) to the first that reads its end:
          // the rule hours are read by (an ambiguous time is taken at its first occurrence).
          const closedDates = new Set(closures.map((c) => c.startDate));
          const overrideOf = new Map(overrides.map((o) => [o.date, o.intervals]));
          const firstReading = (date: string, minute: number) => {
            const target =
              minute === 1440 ? `${addDays(date, 1)} 0000` : `${date} ${String(minute).padStart(4, '0')}`;
            let t = Date.parse(`${date}T00:00:00Z`) + minute * MIN - 15 * 60 * MIN;
            for (;;) {
              const w = wall(t, zone);
              if (`${w.date} ${String(w.minute).padStart(4, '0')}` >= target) return t;
              t += 15 * MIN;
            }
          };
          const open: Array<[number, number]> = [];
          for (const date of eachDate(from, to)) {
            if (closedDates.has(date)) continue;
            const weekday = wall(Date.parse(`${date}T12:00:00Z`), 'UTC').weekday;
            for (const i of overrideOf.get(date) ?? hours[weekday] ?? []) {
              open.push([firstReading(date, minutesOf(i.start)), firstReading(date, minutesOf(i.end))]);
            }
          }
          let expected = 0;
          for (let t = span.start - 2 * 60 * MIN; t < span.end + 2 * 60 * MIN; t += 15 * MIN) {
            if (!open.some(([a, b]) => t >= a && t < b)) continue;
            if (timeOff.some((o) => t >= o.start && t < o.end)) continue;
            expected += 15;
          }
          const resource = { id: 'r', hours, overrides, timeOff };
          expect(openMinutes(resource, closures, zone, from, to)).toBe(expected);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('offsetSegments', () => {
  it('has one run per offset, each starting where Intl says the offset changes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.parse('2025-01-01T00:00Z'), max: Date.parse('2027-01-01T00:00Z') }),
        fc.integer({ min: 1, max: 40 }),
        (zone, start, days) => {
          const end = start + days * 86_400_000;
          const segments = offsetSegments(zone, start, end);
          expect(segments[0]!.start).toBe(start);
          const offsetAt = (t: number) => {
            const w = wall(t, zone);
            const local = Date.parse(`${w.date}T${hhmm(w.minute)}:00Z`);
            return Math.round((local - Math.floor(t / MIN) * MIN) / MIN);
          };
          for (let t = start; t < end; t += 60 * MIN) {
            const run = segments.findLast((s) => s.start <= t)!;
            expect(run.offsetMinutes, new Date(t).toISOString()).toBe(offsetAt(t));
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('periods', () => {
  it('compares with the same number of dates just before', () => {
    expect(previousDates('2026-03-01', '2026-03-31')).toEqual({ from: '2026-01-29', to: '2026-02-28' });
    expect(previousDates('2026-03-02', '2026-03-02')).toEqual({ from: '2026-03-01', to: '2026-03-01' });
    expect(previousDates('2028-01-01', '2028-12-31')).toEqual({ from: '2026-12-31', to: '2027-12-31' });
  });

  it('spans local midnights, a DST day included', () => {
    expect(reportSpan('2026-03-29', '2026-03-29', 'Europe/Lisbon')).toEqual({
      from: '2026-03-29',
      to: '2026-03-29',
      days: 1,
      start: Date.parse('2026-03-29T00:00:00Z'),
      end: Date.parse('2026-03-29T23:00:00Z'),
    });
  });

  it('buckets by date, or by the Monday of each week touched', () => {
    expect(periodBuckets('2026-03-04', '2026-03-10', 'week').map((b) => b.date)).toEqual([
      '2026-03-02',
      '2026-03-09',
    ]);
    expect(periodBuckets('2026-03-04', '2026-03-06', 'day').map((b) => b.date)).toEqual([
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
    ]);
    expect(periodBuckets('2026-03-02', '2026-03-02', 'week')[0]!.day).toBe(
      Date.parse('2026-03-02') / 86_400_000,
    );
  });
});

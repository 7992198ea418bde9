/**
 * @module An independent reference for the report tests: the figures of a period computed in
 * plain JavaScript over the rows a test seeded, with the wall clock read from `Intl` directly (not
 * from core's zone code) and open time found by walking the period in 15-minute steps. Slow and
 * obvious on purpose; the API answers must agree with it.
 */

export interface SeededBooking {
  businessId: string;
  serviceId: string;
  resourceId: string;
  status: 'pending' | 'confirmed' | 'cancelled' | 'completed' | 'no_show';
  start: number;
  end: number;
  createdAt: number;
}

export interface SeededService {
  id: string;
  name: string;
  price: { amount: number; currency: string } | null;
}

export interface SeededCalendar {
  id: string;
  name: string;
  /** Weekday (`mon`…) → `[startMinute, endMinute]` pairs. */
  hours: Record<string, Array<[number, number]>>;
  overrides: Record<string, Array<[number, number]>>;
  timeOff: Array<[number, number]>;
}

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Local date, hour, minute of day and weekday (Monday = 0) of an instant, asked of `Intl`. */
export function wallClockOf(ms: number, zone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
      hourCycle: 'h23',
    })
      .formatToParts(ms)
      .map((p) => [p.type, p.value]),
  );
  const hour = Number(parts.hour) % 24;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    hour,
    minute: hour * 60 + Number(parts.minute),
    weekday: weekdays.indexOf(String(parts.weekday).toLowerCase().slice(0, 3)),
  };
}

/** The dates `from`..`to` inclusive. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let d = Date.parse(`${from}T00:00:00Z`); d <= Date.parse(`${to}T00:00:00Z`); d += 86_400_000) {
    dates.push(new Date(d).toISOString().slice(0, 10));
  }
  return dates;
}

/** The Monday of the week of `date`. */
export function mondayOfDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

function countStatuses(rows: SeededBooking[]) {
  const counts = { total: rows.length, pending: 0, confirmed: 0, cancelled: 0, completed: 0, no_show: 0 };
  for (const row of rows) counts[row.status]++;
  return counts;
}

export interface ReferenceInput {
  zone: string;
  from: string;
  to: string;
  /** The period's instants, written out by the test. */
  start: number;
  end: number;
  bookings: SeededBooking[];
  services: SeededService[];
  calendars: SeededCalendar[];
  closedDates: string[];
}

/** Open minutes of one calendar over the period, walking it in 15-minute steps. */
function openMinutesByWalking(cal: SeededCalendar, input: ReferenceInput): number {
  let minutes = 0;
  for (let t = input.start; t < input.end; t += 15 * 60_000) {
    const wall = wallClockOf(t, input.zone);
    if (input.closedDates.includes(wall.date)) continue;
    const day = cal.overrides[wall.date] ?? cal.hours[weekdays[wall.weekday]!] ?? [];
    if (!day.some(([s, e]) => wall.minute >= s && wall.minute < e)) continue;
    if (cal.timeOff.some(([s, e]) => t >= s && t < e)) continue;
    minutes += 15;
  }
  return minutes;
}

/** Every figure of the bookings report for one period. */
export function referenceFigures(input: ReferenceInput) {
  const dates = new Set(datesBetween(input.from, input.to));
  const rows = input.bookings.filter((b) => dates.has(wallClockOf(b.start, input.zone).date));
  const kept = rows.filter((b) => b.status !== 'cancelled');
  const totals = countStatuses(rows);

  const byDay = datesBetween(input.from, input.to).map((date) => ({
    key: date,
    counts: countStatuses(rows.filter((b) => wallClockOf(b.start, input.zone).date === date)),
  }));
  const weeks = [...new Set(datesBetween(input.from, input.to).map(mondayOfDate))];
  const byWeek = weeks.map((monday) => ({
    key: monday,
    counts: countStatuses(rows.filter((b) => mondayOfDate(wallClockOf(b.start, input.zone).date) === monday)),
  }));
  const byKey = (key: (b: SeededBooking) => string) => {
    const map = new Map<string, SeededBooking[]>();
    for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
    return new Map([...map].map(([k, list]) => [k, countStatuses(list)]));
  };

  const leads = rows.map((b) => Math.max(0, b.start - b.createdAt) / 60_000).sort((a, b) => a - b);
  const mid = leads.length / 2;
  const median =
    leads.length === 0
      ? null
      : leads.length % 2 === 1
        ? leads[Math.floor(mid)]!
        : (leads[mid - 1]! + leads[mid]!) / 2;
  const bucketOf = (m: number) =>
    m < 60
      ? 'under_1h'
      : m < 1440
        ? 'under_1d'
        : m < 7 * 1440
          ? 'under_7d'
          : m < 30 * 1440
            ? 'under_30d'
            : 'over_30d';
  const buckets = ['under_1h', 'under_1d', 'under_7d', 'under_30d', 'over_30d'].map((bucket) => ({
    bucket,
    bookings: leads.filter((m) => bucketOf(m) === bucket).length,
  }));

  const serviceById = new Map(input.services.map((s) => [s.id, s]));
  const revenue = new Map<string, { amount: number; bookings: number }>();
  for (const b of rows.filter((r) => r.status === 'completed')) {
    const price = serviceById.get(b.serviceId)?.price;
    if (!price) continue;
    const sum = revenue.get(price.currency) ?? { amount: 0, bookings: 0 };
    revenue.set(price.currency, { amount: sum.amount + price.amount, bookings: sum.bookings + 1 });
  }

  const heatmap = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  for (const b of kept) {
    const wall = wallClockOf(b.start, input.zone);
    heatmap[wall.weekday]![wall.hour]!++;
  }

  const perService = new Map<string, { bookings: number; completed: number }>();
  for (const b of kept) {
    const s = perService.get(b.serviceId) ?? { bookings: 0, completed: 0 };
    perService.set(b.serviceId, {
      bookings: s.bookings + 1,
      completed: s.completed + (b.status === 'completed' ? 1 : 0),
    });
  }
  const topServices = [...perService]
    .map(([serviceId, s]) => {
      const service = serviceById.get(serviceId)!;
      return {
        serviceId,
        name: service.name,
        bookings: s.bookings,
        completed: s.completed,
        revenue: service.price
          ? {
              currency: service.price.currency,
              amount: service.price.amount * s.completed,
              bookings: s.completed,
            }
          : null,
      };
    })
    .sort((a, b) => b.bookings - a.bookings || (a.name < b.name ? -1 : 1))
    .slice(0, 10);

  const utilisation = input.calendars.map((cal) => {
    const seen = new Set<string>();
    let booked = 0;
    for (const b of kept.filter((r) => r.resourceId === cal.id)) {
      const key = `${b.start}-${b.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      booked += (Math.min(b.end, input.end) - b.start) / 60_000;
    }
    const open = openMinutesByWalking(cal, input);
    return {
      resourceId: cal.id,
      name: cal.name,
      bookedMinutes: booked,
      openMinutes: open,
      rate: open ? booked / open : null,
    };
  });

  return {
    totals,
    cancellationRate: rows.length ? totals.cancelled / rows.length : null,
    noShowRate: rows.length - totals.cancelled ? totals.no_show / (rows.length - totals.cancelled) : null,
    byDay,
    byWeek,
    byResource: byKey((b) => b.resourceId),
    byService: byKey((b) => b.serviceId),
    leadTime: {
      bookings: leads.length,
      medianMinutes: median,
      averageMinutes: leads.length ? leads.reduce((a, b) => a + b, 0) / leads.length : null,
      buckets,
    },
    revenue: [...revenue]
      .map(([currency, r]) => ({ currency, ...r }))
      .sort((a, b) => a.currency.localeCompare(b.currency)),
    heatmap,
    topServices,
    utilisation,
  };
}

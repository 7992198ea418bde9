/**
 * @module What one resource's column holds on one date, in minutes past midnight of the business's
 * zone: working intervals (a date override wins over weekly hours; a closure leaves none), time
 * off, holds and bookings. Pure: the views draw it.
 */
import type { Agenda } from '@frontdesk/sdk/console';
import { addDays, minutesIn, minutesOf, startOfZonedDate, weekdayOf } from '../format.js';

export interface Span {
  start: number;
  end: number;
}

export type AgendaBooking = Agenda['bookings'][number];

export interface DayColumn {
  resourceId: string;
  name: string;
  working: Span[];
  closedBy: string | null;
  away: (Span & { reason: string })[];
  holds: Span[];
  bookings: (Span & { booking: AgendaBooking })[];
}

/** The part of [start, end) instants that falls on `date`, in minutes of that date (0–1440). */
function onDate(start: string, end: string, date: string, zone: string): Span | null {
  const dayStart = startOfZonedDate(date, zone);
  const dayEnd = startOfZonedDate(addDays(date, 1), zone);
  const s = Math.max(Date.parse(start), dayStart);
  const e = Math.min(Date.parse(end), dayEnd);
  if (s >= e) return null;
  const length = (dayEnd - dayStart) / 60_000;
  return {
    start: s === dayStart ? 0 : minutesIn(s, zone),
    end: e === dayEnd ? length : minutesIn(e, zone) || length,
  };
}

export function dayColumns(agenda: Agenda, date: string, zone: string): DayColumn[] {
  const closure = agenda.closures.find((c) => c.startDate <= date && date <= c.endDate);
  const weekday = weekdayOf(date);
  return agenda.resources.map((resource) => {
    const override = agenda.overrides.find((o) => o.resourceId === resource.id && o.date === date);
    const intervals = override ? override.intervals : (resource.hours[weekday] ?? []);
    const spans = <T extends { resourceId: string; start: string; end: string }>(list: T[]) =>
      list.flatMap((item) => {
        if (item.resourceId !== resource.id) return [];
        const span = onDate(item.start, item.end, date, zone);
        return span ? [{ ...span, item }] : [];
      });
    return {
      resourceId: resource.id,
      name: resource.name,
      working: closure ? [] : intervals.map((i) => ({ start: minutesOf(i.start), end: minutesOf(i.end) })),
      closedBy: closure ? closure.reason : null,
      away: spans(agenda.timeOff).map(({ start, end, item }) => ({ start, end, reason: item.reason })),
      holds: spans(agenda.holds).map(({ start, end }) => ({ start, end })),
      bookings: spans(agenda.bookings).map(({ start, end, item }) => ({ start, end, booking: item })),
    };
  });
}

/** The hours to draw: 08:00–20:00, widened to every working hour and booking of the columns. */
export function visibleRange(columns: DayColumn[]): Span {
  let start = 8 * 60;
  let end = 20 * 60;
  for (const column of columns) {
    for (const span of [...column.working, ...column.bookings, ...column.holds]) {
      start = Math.min(start, span.start);
      end = Math.max(end, span.end);
    }
  }
  return { start: Math.floor(start / 60) * 60, end: Math.min(1440, Math.ceil(end / 60) * 60) };
}

/** Non-working parts of the visible range (to shade), from the working intervals. */
export function offHours(working: Span[], range: Span): Span[] {
  const sorted = [...working].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  let cursor = range.start;
  for (const span of sorted) {
    if (span.start > cursor) out.push({ start: cursor, end: Math.min(span.start, range.end) });
    cursor = Math.max(cursor, span.end);
  }
  if (cursor < range.end) out.push({ start: cursor, end: range.end });
  return out.filter((s) => s.end > s.start);
}

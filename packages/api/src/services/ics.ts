/**
 * @module iCalendar (RFC 5545) files, written with ical-generator: one booking's file (the
 * download, `METHOD:PUBLISH`; the mail attachments, `REQUEST` or `CANCEL`) and whole feeds. Every
 * event has a stable UID per booking and a SEQUENCE that grows with every change, so a calendar
 * that already holds the booking updates it in place instead of adding a second one.
 */
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  type ICalEventData,
  ICalEventStatus,
} from 'ical-generator';
import type { BookingRow } from './bookings.js';
import { foldContentLines } from './ics-fold.js';

export type CalendarMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';

/** One VEVENT, in the terms of a booking. Instants are epoch ms; they are written in UTC (`Z`). */
export interface CalendarEvent {
  uid: string;
  sequence: number;
  /** DTSTAMP: when this version of the event was written. */
  stamp: number;
  start: number;
  end: number;
  status: BookingRow['status'];
  summary: string;
  description?: string | null | undefined;
  location?: string | null | undefined;
  organizer?: { name: string; email: string } | null | undefined;
  attendee?: { name: string; email: string } | null | undefined;
}

export interface CalendarOptions {
  method?: CalendarMethod | undefined;
  /** The calendar's name (`NAME`, `X-WR-CALNAME`): what a subscribed calendar is listed as. */
  name?: string | undefined;
  /** How often subscribers should refresh (`REFRESH-INTERVAL`, `X-PUBLISHED-TTL`). */
  refreshMinutes?: number | undefined;
}

/** The UID of a booking's event: the same in every file about it (≤ 100 bytes: ids are ≤ 64). */
export const bookingUid = (bookingId: string) => `${bookingId}@frontdesk`;

/**
 * TEXT values: control characters are not allowed in them, and a lone CR would end the content
 * line for some parsers (a business-supplied name could inject properties). Line breaks are kept
 * for the library to escape as `\n`; every other control character is dropped.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
const clean = (value: string) => value.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, '');

/** Parameter values (`CN="…"`) cannot hold a line break or a double quote at all. */
const paramText = (value: string) =>
  clean(value)
    .replace(/[\r\n]+/g, ' ')
    .replace(/"/g, "'");

const statuses = {
  pending: ICalEventStatus.TENTATIVE,
  confirmed: ICalEventStatus.CONFIRMED,
  cancelled: ICalEventStatus.CANCELLED,
  // It happened (or was due to): still an event that took place in the calendar.
  completed: ICalEventStatus.CONFIRMED,
  no_show: ICalEventStatus.CONFIRMED,
} as const;

function eventData(event: CalendarEvent): ICalEventData {
  return {
    id: event.uid,
    sequence: event.sequence,
    stamp: new Date(event.stamp),
    start: new Date(event.start),
    end: new Date(event.end),
    status: statuses[event.status],
    summary: clean(event.summary),
    ...(event.description ? { description: clean(event.description) } : {}),
    ...(event.location ? { location: clean(event.location) } : {}),
    ...(event.organizer
      ? { organizer: { name: paramText(event.organizer.name), email: event.organizer.email } }
      : {}),
    ...(event.attendee
      ? {
          attendees: [
            {
              name: paramText(event.attendee.name),
              email: event.attendee.email,
              role: ICalAttendeeRole.REQ,
              status: ICalAttendeeStatus.ACCEPTED,
              rsvp: false,
            },
          ],
        }
      : {}),
  };
}

const end = 'END:VCALENDAR';

/** Calendar heads by their options: a few methods, and one per feed name. Bounded: only a cache. */
const heads = new Map<string, string>();
const MAX_HEADS = 1000;

/**
 * The calendar's own lines (everything but its events), which depend on the options alone: the
 * library takes ~40 µs to write these few lines, most of a booking's .ics, so each is written once.
 */
function headOf(options: CalendarOptions, calendar: ReturnType<typeof ical>): string {
  const key = `${options.method ?? ''}\n${options.refreshMinutes ?? ''}\n${options.name ?? ''}`;
  let head = heads.get(key);
  if (head === undefined) {
    head = calendar.toString();
    if (heads.size >= MAX_HEADS) heads.clear();
    heads.set(key, head);
  }
  return head;
}

/** A VCALENDAR with `events`: CRLF line endings, lines folded at 75 octets. */
export function renderCalendar(options: CalendarOptions, events: CalendarEvent[]): string {
  const calendar = ical({
    prodId: { company: 'Frontdesk', product: 'Booking', language: 'EN' },
    ...(options.method ? { method: ICalCalendarMethod[options.method] } : {}),
    ...(options.name ? { name: clean(options.name).replace(/[\r\n]+/g, ' ') } : {}),
    ...(options.refreshMinutes ? { ttl: options.refreshMinutes * 60 } : {}),
  });
  // The calendar's own lines come from the library as they are. The events are serialised by the
  // library one by one and folded here, in one fast pass (see ics-fold.ts for why).
  const head = headOf(options, calendar);
  let body = '';
  for (const event of events) body += calendar.createEvent(eventData(event)).toString();
  return head.slice(0, head.lastIndexOf(end)) + foldContentLines(body + end);
}

export interface BookingCalendarDetails {
  serviceName: string;
  businessName: string;
  /** DTSTAMP. */
  now: number;
  method?: CalendarMethod | undefined;
  address?: string | null | undefined;
  /** The business's address for ORGANIZER; without one the file has no ORGANIZER. */
  organizerEmail?: string | null | undefined;
  description?: string | null | undefined;
}

/** The event of one booking, as its customer sees it (the customer as ATTENDEE). */
export function bookingEvent(row: BookingRow, details: BookingCalendarDetails): CalendarEvent {
  return {
    uid: bookingUid(row.id),
    sequence: row.sequence ?? 0,
    stamp: details.now,
    start: row.start,
    end: row.end,
    status: row.status,
    summary: `${details.serviceName} — ${details.businessName}`,
    description: details.description,
    location: details.address,
    organizer: details.organizerEmail ? { name: details.businessName, email: details.organizerEmail } : null,
    attendee: row.customerEmail ? { name: row.customerName, email: row.customerEmail } : null,
  };
}

/** One booking's .ics: `PUBLISH` for the download unless `details.method` says otherwise. */
export function bookingCalendar(row: BookingRow, details: BookingCalendarDetails): string {
  return renderCalendar({ method: details.method ?? 'PUBLISH' }, [bookingEvent(row, details)]);
}

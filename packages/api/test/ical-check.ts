/**
 * @module What every .ics Frontdesk writes must satisfy, checked with a real iCalendar parser
 * (ical.js): CRLF line endings, no line over 75 octets, parseable, and a UID and DTSTAMP on every
 * event. Used by the download, feed and mail tests.
 */
import ICAL from 'ical.js';
import { expect } from 'vitest';

export interface ParsedCalendar {
  calendar: ICAL.Component;
  events: ICAL.Component[];
  /** The raw property value of `name` on the calendar, e.g. `METHOD`. */
  prop(name: string): string | null;
}

/** Checks the format rules and parses `text`; fails the test when a rule is broken. */
export function parseIcs(text: string): ParsedCalendar {
  expect(text.endsWith('\r\n'), 'ends with CRLF').toBe(true);
  expect(text.replace(/\r\n/g, ''), 'no bare CR or LF').not.toMatch(/[\r\n]/);
  for (const line of text.split('\r\n')) {
    expect(Buffer.byteLength(line, 'utf8'), `line of at most 75 octets: ${line}`).toBeLessThanOrEqual(75);
  }
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  expect(calendar.name).toBe('vcalendar');
  const events = calendar.getAllSubcomponents('vevent');
  for (const event of events) {
    const uid = event.getFirstPropertyValue('uid');
    expect(typeof uid === 'string' && uid.length > 0, 'UID').toBe(true);
    expect(Buffer.byteLength(String(uid))).toBeLessThanOrEqual(100);
    expect(event.getFirstPropertyValue('dtstamp'), 'DTSTAMP').toBeTruthy();
  }
  return {
    calendar,
    events,
    prop: (name) => {
      const value = calendar.getFirstPropertyValue(name.toLowerCase());
      return value === null || value === undefined ? null : String(value);
    },
  };
}

/** The fields of one VEVENT a test compares. */
export function eventFields(event: ICAL.Component) {
  const time = (name: string) =>
    (event.getFirstPropertyValue(name) as ICAL.Time | null)?.toJSDate().toISOString();
  const attendee = event.getFirstProperty('attendee');
  const organizer = event.getFirstProperty('organizer');
  return {
    uid: String(event.getFirstPropertyValue('uid')),
    sequence: Number(event.getFirstPropertyValue('sequence') ?? 0),
    status: String(event.getFirstPropertyValue('status') ?? ''),
    summary: String(event.getFirstPropertyValue('summary') ?? ''),
    location: event.getFirstPropertyValue('location') as string | null,
    description: event.getFirstPropertyValue('description') as string | null,
    start: time('dtstart'),
    end: time('dtend'),
    /** Whether DTSTART was written in UTC (`Z`). */
    startIsUtc: (event.getFirstPropertyValue('dtstart') as ICAL.Time | null)?.zone?.tzid === 'UTC',
    attendee: attendee
      ? {
          email: String(attendee.getFirstValue()).replace(/^mailto:/i, ''),
          name: attendee.getParameter('cn') as string | undefined,
        }
      : null,
    organizer: organizer
      ? {
          email: String(organizer.getFirstValue()).replace(/^mailto:/i, ''),
          name: organizer.getParameter('cn') as string | undefined,
        }
      : null,
  };
}

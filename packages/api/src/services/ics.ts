/**
 * @module An iCalendar (RFC 5545) file for one booking, for "add to calendar".
 */
import type { BookingRow } from './bookings.js';

/**
 * Escapes TEXT values (backslash, semicolon, comma, any line break). A lone CR would end the
 * content line for some parsers and let a business-supplied name inject properties, so every
 * break style becomes `\n`, and other control characters (not allowed in TEXT) are dropped.
 */
const escapeText = (value: string) =>
  value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
    .replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '');

const stamp = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** Folds lines longer than 75 octets, as the format requires. */
function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  for (const char of line) {
    if (Buffer.byteLength(current + char, 'utf8') > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
    }
    current += char;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export function bookingCalendar(
  row: BookingRow,
  details: { serviceName: string; businessName: string; now: number },
): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Frontdesk//Booking//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${row.id}@frontdesk`,
    `DTSTAMP:${stamp(details.now)}`,
    `DTSTART:${stamp(row.start)}`,
    `DTEND:${stamp(row.end)}`,
    `SUMMARY:${escapeText(`${details.serviceName} — ${details.businessName}`)}`,
    `STATUS:${row.status === 'cancelled' ? 'CANCELLED' : row.status === 'pending' ? 'TENTATIVE' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

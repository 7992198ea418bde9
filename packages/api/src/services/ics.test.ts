/**
 * @module The .ics file of a booking: escaping, folding, status.
 */
import { describe, expect, it } from 'vitest';
import type { BookingRow } from './bookings.js';
import { bookingCalendar } from './ics.js';

describe('bookingCalendar', () => {
  it('writes a valid VEVENT with escaped text and CRLF lines of at most 75 octets', () => {
    const row = {
      id: 'bkg_1',
      status: 'pending',
      start: Date.parse('2026-03-03T09:00:00Z'),
      end: Date.parse('2026-03-03T09:30:00Z'),
    } as BookingRow;
    const ics = bookingCalendar(row, {
      serviceName: 'Cut, colour; and a very long description that goes on and on beyond seventy-five octets',
      businessName: 'Salão Lisboa',
      now: Date.parse('2026-03-01T00:00:00Z'),
    });
    expect(ics).toContain('BEGIN:VEVENT\r\n');
    expect(ics).toContain('DTSTART:20260303T090000Z\r\n');
    expect(ics).toContain('STATUS:TENTATIVE');
    expect(ics).toContain('Cut\\, colour\\; and');
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it('turns every line break into \\n and drops other control characters, so no property can be injected', () => {
    const row = { id: 'bkg_2', status: 'confirmed', start: 0, end: 60_000 } as BookingRow;
    const ics = bookingCalendar(row, {
      serviceName: 'Cut\rATTENDEE:mailto:evil@example.com\r\nX-A:1\nX-B:2\u0000\u0007\u001b\u007f',
      businessName: 'Salon\tOne',
      now: 0,
    });
    const lines = ics.split('\r\n');
    expect(lines.some((line) => line.startsWith('ATTENDEE') || line.startsWith('X-'))).toBe(false);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting they are gone
    expect(ics.replace(/\r\n /g, '').replace(/\r\n/g, '')).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    expect(ics.replace(/\r\n /g, '')).toContain(
      'SUMMARY:Cut\\nATTENDEE:mailto:evil@example.com\\nX-A:1\\nX-B:2 — Salon\tOne',
    );
  });
});

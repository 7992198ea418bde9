/**
 * @module The torture harness's history check can fail: each way a booking's event history can
 * disagree with its one final state is caught (bench/torture/invariants.js).
 */
import { describe, expect, it } from 'vitest';
import { type BookingEvent, checkHistories } from '../../bench/torture/invariants.js';

const at = (hour: number) => `2026-03-04T${String(hour).padStart(2, '0')}:00:00Z`;
const event = (type: string, hour: number) => ({ type, payload: { start: at(hour) } });
const stored = (status: string, hour: number) =>
  new Map([['bkg_1', { status, start: Date.parse(at(hour)) }]]);
const history = (...events: BookingEvent[]) => new Map([['bkg_1', events]]);

describe('checkHistories', () => {
  it('accepts a booking created, moved twice and cancelled, stored cancelled at its last start', () => {
    const events = history(
      event('booking.created', 9),
      event('booking.rescheduled', 10),
      event('booking.rescheduled', 11),
      event('booking.cancelled', 11),
    );
    expect(checkHistories(stored('cancelled', 11), events)).toEqual([]);
  });

  it.each([
    ['no created event', stored('confirmed', 9), history(event('booking.rescheduled', 9))],
    [
      'two created events',
      stored('confirmed', 9),
      history(event('booking.created', 9), event('booking.created', 9)),
    ],
    [
      'cancelled twice',
      stored('cancelled', 9),
      history(event('booking.created', 9), event('booking.cancelled', 9), event('booking.cancelled', 9)),
    ],
    [
      'moved after its cancellation',
      stored('cancelled', 10),
      history(event('booking.created', 9), event('booking.cancelled', 9), event('booking.rescheduled', 10)),
    ],
    ['cancelled with no cancellation', stored('cancelled', 9), history(event('booking.created', 9))],
    [
      'a cancellation but not cancelled',
      stored('confirmed', 9),
      history(event('booking.created', 9), event('booking.cancelled', 9)),
    ],
    [
      'stored at another start',
      stored('confirmed', 9),
      history(event('booking.created', 9), event('booking.rescheduled', 10)),
    ],
  ])('catches %s', (_, bookings, events) => {
    expect(checkHistories(bookings, events)).not.toEqual([]);
  });
});

/** Types of the one function of invariants.js that a test imports (test/torture/invariants.test.ts). */
export interface StoredBooking {
  status: string;
  /** Milliseconds since the epoch. */
  start: number;
}
export interface BookingEvent {
  type: string;
  payload: { start: string };
}
export declare function checkHistories(
  bookings: Map<string, StoredBooking>,
  eventsBySubject: Map<string, BookingEvent[]>,
): string[];

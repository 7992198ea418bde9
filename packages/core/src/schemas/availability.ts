/**
 * @module Availability: which start times a service offers between two dates.
 */
import * as z from 'zod/mini';
import { Id, Instant, LocalDate, TimeZone } from './common.js';

export const AvailabilityQuery = z
  .object({
    service: Id,
    /** First date, in the business's zone. */
    from: LocalDate,
    /** Last date (inclusive), in the business's zone; at most 92 days after `from`. */
    to: LocalDate,
    resource: z.optional(Id),
    /** Business only: offer starts outside the minimum notice and horizon (phone bookings). */
    ignoreBookingWindow: z.optional(z.stringbool()),
  })
  .check(
    z.refine((q) => q.from <= q.to, { message: 'to must not be before from', path: ['to'] }),
    z.refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 92 * 86_400_000, {
      message: 'at most 92 days per request',
      path: ['to'],
    }),
  );
export type AvailabilityQuery = z.infer<typeof AvailabilityQuery>;

export const Slot = z.object({
  start: Instant,
  end: Instant,
  /** Bookings still possible at this start, summed over the resources that offer it. */
  remaining: z.int(),
  resourceIds: z.array(Id),
});
export type Slot = z.infer<typeof Slot>;

export const Availability = z.object({
  /** The business's zone: `from`/`to` were read in it. */
  timezone: TimeZone,
  slots: z.array(Slot),
});
export type Availability = z.infer<typeof Availability>;

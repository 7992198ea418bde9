/**
 * @module The agenda: everything that fills the business's calendar between two dates, in one
 * answer for the console's day and week views.
 */
import * as z from 'zod/mini';
import { Booking } from './booking.js';
import { Id, Instant, LocalDate, TimeZone } from './common.js';
import { Closure, DateOverride, TimeOff, WeeklyHours } from './schedule.js';

export const AgendaQuery = z
  .object({
    /** First date, in the business's zone. */
    from: LocalDate,
    /** Last date (inclusive), at most 31 days after `from`. */
    to: LocalDate,
    /** Only this resource. */
    resource: z.optional(Id),
  })
  .check(
    z.refine((q) => q.from <= q.to, { message: 'to must not be before from', path: ['to'] }),
    z.refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 31 * 86_400_000, {
      message: 'at most 31 days per request',
      path: ['to'],
    }),
  );
export type AgendaQuery = z.infer<typeof AgendaQuery>;

/** A live hold as the business sees it: a slot kept while a customer fills in the form. */
export const AgendaHold = z.object({
  id: Id,
  serviceId: Id,
  resourceId: Id,
  start: Instant,
  end: Instant,
  expiresAt: Instant,
});
export type AgendaHold = z.infer<typeof AgendaHold>;

export const Agenda = z.object({
  timezone: TimeZone,
  from: LocalDate,
  to: LocalDate,
  /** The columns: the resources in view (for staff, theirs), with their weekly hours. */
  resources: z.array(
    z.object({ id: Id, name: z.string(), kind: z.string(), active: z.boolean(), hours: WeeklyHours }),
  ),
  /** Bookings that start in the range and are not cancelled, oldest first. */
  bookings: z.array(Booking),
  holds: z.array(AgendaHold),
  timeOff: z.array(TimeOff),
  overrides: z.array(DateOverride),
  closures: z.array(Closure),
});
export type Agenda = z.infer<typeof Agenda>;

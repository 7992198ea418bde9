/**
 * @module Holds and bookings: keeping a slot while the form is filled, then booking it.
 */
import * as z from 'zod/mini';
import {
  EmailAddress,
  Id,
  Instant,
  ListQuery,
  LocalDate,
  Locale,
  multilineText,
  requiredText,
  TimeZone,
  text,
} from './common.js';

export const HoldInput = z.strictObject({
  service: Id,
  start: Instant,
  resource: z.optional(Id),
});
export type HoldInput = z.infer<typeof HoldInput>;

export const Hold = z.object({
  id: Id,
  serviceId: Id,
  resourceId: Id,
  start: Instant,
  end: Instant,
  expiresAt: Instant,
});
export type Hold = z.infer<typeof Hold>;

export const Customer = z.strictObject({
  name: requiredText(200),
  email: EmailAddress,
  phone: z.optional(z.string().check(z.regex(/^\+?[0-9 ()./-]{5,40}$/, 'Expected a phone number'))),
  /** The customer's IANA zone (the widget sends the visitor's): mail shows times in it too. */
  timeZone: z.optional(TimeZone),
});
export type Customer = z.infer<typeof Customer>;

/** Answers to the service's questions, by question id. */
export const Answers = z.record(text(40), z.union([multilineText(2000), z.boolean()]));
export type Answers = z.infer<typeof Answers>;

export const BookingInput = z.strictObject({
  service: Id,
  start: Instant,
  resource: z.optional(Id),
  /** A live hold for the same service and start: its seat becomes the booking's. */
  holdId: z.optional(Id),
  customer: Customer,
  answers: z._default(Answers, {}),
  /** The language the customer booked in (the widget's); mail to them uses it. Default: the business's. */
  locale: z.optional(Locale),
  notes: z._default(multilineText(2000), ''),
  /**
   * Business only (secret key or console session): book outside the service's minimum notice and
   * horizon, for a customer on the phone or at the desk. Capacity still holds.
   */
  ignoreBookingWindow: z.optional(z.boolean()),
});
export type BookingInput = z.input<typeof BookingInput>;

/** `completed` and `no_show` are set by the business once the start has passed. */
export const BookingStatus = z.enum(['pending', 'confirmed', 'cancelled', 'completed', 'no_show']);
export type BookingStatus = z.infer<typeof BookingStatus>;

export const Booking = z.object({
  id: Id,
  status: BookingStatus,
  serviceId: Id,
  resourceId: Id,
  start: Instant,
  end: Instant,
  customer: Customer,
  answers: Answers,
  notes: z.string(),
  /** The language the customer booked in, when the client said. */
  locale: z.nullable(z.string()),
  /** Shown on creation and to secret keys: the customer's key to view, cancel and reschedule. */
  manageToken: z.optional(z.string()),
  cancelReason: z.nullable(z.string()),
  /** The business's own notes; only in answers to the business (never to a publishable key). */
  internalNotes: z.optional(z.string()),
  /** When the business marked the customer as arrived; business answers only. */
  arrivedAt: z.optional(z.nullable(Instant)),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Booking = z.infer<typeof Booking>;

/** Changing the business's internal notes of a booking. */
export const BookingNotesInput = z.strictObject({ internalNotes: multilineText(5000) });
export type BookingNotesInput = z.infer<typeof BookingNotesInput>;

/** Cancelling: by the customer (with the manage token) or the business (secret key). */
export const CancelInput = z.strictObject({ reason: z._default(multilineText(500), '') });
export type CancelInput = z.input<typeof CancelInput>;

export const RescheduleInput = z.strictObject({
  start: Instant,
  resource: z.optional(Id),
  /** Business only: move outside the service's minimum notice and horizon (capacity still holds). */
  ignoreBookingWindow: z.optional(z.boolean()),
});
export type RescheduleInput = z.infer<typeof RescheduleInput>;

/** Declining a booking that awaits confirmation. */
export const DeclineInput = CancelInput;

/** The manage token, as `?token=` on the customer's calls (it is what the manage link carries). */
export const ManageTokenQuery = z.object({ token: z.optional(z.string().check(z.maxLength(200))) });

export const BookingListQuery = z.extend(ListQuery, {
  status: z.optional(BookingStatus),
  service: z.optional(Id),
  resource: z.optional(Id),
  /** Bookings starting on or after this date (business zone). */
  from: z.optional(LocalDate),
  /** Bookings starting on or before this date (business zone). */
  to: z.optional(LocalDate),
  /** Search by customer email (exact). */
  email: z.optional(z.string().check(z.maxLength(254))),
});
export type BookingListQuery = z.infer<typeof BookingListQuery>;

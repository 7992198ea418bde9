/**
 * @module Messages: the mail Frontdesk sends (or, without SMTP, keeps unsent), as listed by
 * `GET /v1/messages` and `GET /v1/bookings/{id}/messages`, each with its rendered preview.
 */
import * as z from 'zod/mini';
import { Id, Instant, ListQuery } from './common.js';

export const MessageStatus = z.enum(['queued', 'sent', 'failed', 'not_sent', 'skipped']);
export type MessageStatus = z.infer<typeof MessageStatus>;

export const Message = z.object({
  id: Id,
  /** `booking_received`, `booking_confirmed`, `booking_declined`, `booking_rescheduled`,
   * `booking_cancelled`, `booking_reminder`, `reservation_made`, `reservation_expiring`,
   * `notice_new_booking`, `notice_awaiting_confirmation`, `notice_cancelled_by_customer`,
   * `notice_webhook_disabled`, `notice_stock_low`. */
  kind: z.string(),
  status: MessageStatus,
  /** Why it was skipped, not sent or failed: `no_smtp`, `booked_after_due`, `moved`, `cancelled`, `started`, `rejected`, `unrenderable`, … */
  statusReason: z.nullable(z.string()),
  bookingId: z.nullable(Id),
  reservationId: z.nullable(Id),
  to: z.object({ name: z.nullable(z.string()), email: z.string() }),
  /** The language it is written in; null until rendered (a reminder renders when due). */
  locale: z.nullable(z.string()),
  subject: z.nullable(z.string()),
  /** The plain-text part. */
  text: z.nullable(z.string()),
  /** The HTML part. */
  html: z.nullable(z.string()),
  /** METHOD of the .ics sent with it (`REQUEST`, `CANCEL`, `PUBLISH`), if any. */
  calendarMethod: z.nullable(z.string()),
  /** The `Message-ID` header, the same on every attempt. */
  messageId: z.string(),
  attempts: z.int(),
  /** The SMTP server's last answer. */
  smtpResponse: z.nullable(z.string()),
  /** When it is (or was) to be sent. */
  dueAt: Instant,
  sentAt: z.nullable(Instant),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Message = z.infer<typeof Message>;

export const MessageListQuery = z.extend(ListQuery, {
  status: z.optional(MessageStatus),
  kind: z.optional(z.string().check(z.maxLength(60))),
  booking: z.optional(Id),
  /** `oldest` first (the default, like every list) or `newest` first. */
  order: z.optional(z.enum(['oldest', 'newest'])),
});
export type MessageListQuery = z.infer<typeof MessageListQuery>;

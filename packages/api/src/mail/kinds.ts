/**
 * @module The messages Frontdesk sends, and what each is rendered from. Pure data: the outbox
 * gathers it from the database, `render.ts` turns it into a subject, HTML, text and an .ics.
 */

/** Messages to the customer. */
export const customerKinds = [
  'booking_received',
  'booking_confirmed',
  'booking_declined',
  'booking_rescheduled',
  'booking_cancelled',
  'booking_reminder',
  'reservation_made',
  'reservation_expiring',
] as const;

/** Messages to the business (its `notifyEmail`). */
export const businessKinds = [
  'notice_new_booking',
  'notice_awaiting_confirmation',
  'notice_cancelled_by_customer',
  'notice_webhook_disabled',
  'notice_stock_low',
] as const;

export type CustomerKind = (typeof customerKinds)[number];
export type BusinessKind = (typeof businessKinds)[number];
export type MessageKind = CustomerKind | BusinessKind;

export interface MailBusiness {
  name: string;
  /** IANA zone: every time is shown in it, named. */
  timezone: string;
  locale: string;
  address: string | null;
  notifyEmail: string | null;
}

export interface MailBooking {
  id: string;
  status: 'pending' | 'confirmed' | 'cancelled' | 'completed' | 'no_show';
  /** Epoch ms. */
  start: number;
  end: number;
  sequence: number;
  customerName: string;
  customerEmail: string;
  customerPhone: string | null;
  /** The customer's zone, when the widget sent it: times are shown in it too. */
  customerTimeZone: string | null;
  /** The language the customer booked in. */
  locale: string | null;
  notes: string;
  cancelReason: string | null;
}

export interface BookingMessage {
  kind:
    | 'booking_received'
    | 'booking_confirmed'
    | 'booking_declined'
    | 'booking_rescheduled'
    | 'booking_cancelled'
    | 'booking_reminder'
    | 'notice_new_booking'
    | 'notice_awaiting_confirmation'
    | 'notice_cancelled_by_customer';
  business: MailBusiness;
  booking: MailBooking;
  serviceName: string;
  resourceName: string | null;
  /** Where the customer changes or cancels the booking; null when the business has no page. */
  manageUrl: string | null;
  /** The start before a reschedule (booking_rescheduled). */
  previousStart?: number | undefined;
  /** ORGANIZER of the calendar invitation (`METHOD:REQUEST` needs one): the business's address. */
  organizerEmail?: string | null | undefined;
}

export interface MailReservation {
  id: string;
  productName: string;
  sku: string;
  quantity: number;
  locationName: string;
  /** Epoch ms. */
  expiresAt: number;
  customerName: string;
  customerEmail: string;
  customerTimeZone: string | null;
  locale: string | null;
}

export interface ReservationMessage {
  kind: 'reservation_made' | 'reservation_expiring';
  business: MailBusiness;
  reservation: MailReservation;
}

export interface WebhookDisabledMessage {
  kind: 'notice_webhook_disabled';
  business: MailBusiness;
  endpointUrl: string;
  /** Why it was disabled, e.g. "answered 410 Gone". */
  reason: string;
}

export interface StockLowMessage {
  kind: 'notice_stock_low';
  business: MailBusiness;
  productName: string;
  sku: string;
  locationName: string;
  available: number;
}

export type MessageInput = BookingMessage | ReservationMessage | WebhookDisabledMessage | StockLowMessage;

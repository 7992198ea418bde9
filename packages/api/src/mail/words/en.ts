/**
 * @module English mail words: the reference every other language follows (`MailWords` makes the
 * compiler check they have the same keys). Dates and times are never spelled here: `Intl` does it.
 */
import type { MessageKind } from '../kinds.js';

/** What a subject or an opening line may mention. */
export interface Vars {
  business: string;
  service: string;
  customer: string;
  product: string;
  /** The start (or the deadline), formatted in the business's zone. */
  when: string;
}

export interface MailWords {
  subject: Record<MessageKind, (v: Vars) => string>;
  intro: Record<MessageKind, (v: Vars) => string>;
  label: {
    service: string;
    when: string;
    yourTime: string;
    previously: string;
    where: string;
    with: string;
    customer: string;
    email: string;
    phone: string;
    notes: string;
    reason: string;
    product: string;
    quantity: string;
    shop: string;
    until: string;
    endpoint: string;
    available: string;
    reference: string;
  };
  /** The manage link's text. */
  manage: string;
  /** In a reminder of a booking still awaiting confirmation. */
  pendingNote: string;
  /** Under messages carrying an .ics invitation. */
  calendarAttached: string;
  /** Under a cancellation's .ics. */
  calendarRemove: string;
  /** When the business has no booking page to link to. */
  contactBusiness: (business: string) => string;
  /** Last line: who sent it and why. */
  footer: (business: string) => string;
}

export const en: MailWords = {
  subject: {
    booking_received: (v) => `Booking request received: ${v.service}, ${v.when}`,
    booking_confirmed: (v) => `Booking confirmed: ${v.service}, ${v.when}`,
    booking_declined: (v) => `Booking request declined: ${v.service}, ${v.when}`,
    booking_rescheduled: (v) => `Booking moved: ${v.service}, now ${v.when}`,
    booking_cancelled: (v) => `Booking cancelled: ${v.service}, ${v.when}`,
    booking_reminder: (v) => `Reminder: ${v.service}, ${v.when}`,
    reservation_made: (v) => `Reserved for pickup: ${v.product}`,
    reservation_expiring: (v) => `Your reservation ends soon: ${v.product}`,
    notice_new_booking: (v) => `New booking: ${v.customer}, ${v.service}, ${v.when}`,
    notice_awaiting_confirmation: (v) => `To confirm: ${v.customer}, ${v.service}, ${v.when}`,
    notice_cancelled_by_customer: (v) => `Cancelled by the customer: ${v.customer}, ${v.service}, ${v.when}`,
    notice_webhook_disabled: () => 'A webhook endpoint was disabled',
    notice_stock_low: (v) => `Stock low: ${v.product}`,
  },
  intro: {
    booking_received: (v) =>
      `Hello ${v.customer}, ${v.business} has received your booking request. It is not confirmed yet: you will get another email when it is.`,
    booking_confirmed: (v) => `Hello ${v.customer}, your booking with ${v.business} is confirmed.`,
    booking_declined: (v) =>
      `Hello ${v.customer}, we are sorry: ${v.business} could not accept your booking request.`,
    booking_rescheduled: (v) =>
      `Hello ${v.customer}, your booking with ${v.business} has moved to a new time.`,
    booking_cancelled: (v) => `Hello ${v.customer}, your booking with ${v.business} is cancelled.`,
    booking_reminder: (v) => `Hello ${v.customer}, this is a reminder of your booking with ${v.business}.`,
    reservation_made: (v) =>
      `Hello ${v.customer}, ${v.business} is keeping this for you. Please collect it before the time below.`,
    reservation_expiring: (v) =>
      `Hello ${v.customer}, your reservation at ${v.business} ends soon. Collect it before the time below, or it goes back on the shelf.`,
    notice_new_booking: (v) => `${v.customer} booked ${v.service}.`,
    notice_awaiting_confirmation: (v) =>
      `${v.customer} asked to book ${v.service}. Please confirm or decline the request.`,
    notice_cancelled_by_customer: (v) => `${v.customer} cancelled their booking of ${v.service}.`,
    notice_webhook_disabled: () =>
      'Frontdesk stopped sending events to this webhook endpoint. Fix the receiver, then enable the endpoint again.',
    notice_stock_low: (v) => `${v.product} is running low.`,
  },
  label: {
    service: 'Service',
    when: 'When',
    yourTime: 'Your time',
    previously: 'Was',
    where: 'Where',
    with: 'With',
    customer: 'Customer',
    email: 'Email',
    phone: 'Phone',
    notes: 'Notes',
    reason: 'Reason',
    product: 'Product',
    quantity: 'Quantity',
    shop: 'Shop',
    until: 'Collect before',
    endpoint: 'Endpoint',
    available: 'Available',
    reference: 'Reference',
  },
  manage: 'Change or cancel your booking',
  pendingNote: 'Note: the business has not confirmed this booking yet.',
  calendarAttached: 'The attached calendar file adds the booking to your calendar, or updates it there.',
  calendarRemove: 'The attached calendar file removes the booking from your calendar.',
  contactBusiness: (business) => `To change it, please contact ${business}.`,
  footer: (business) => `Sent by Frontdesk on behalf of ${business}.`,
};

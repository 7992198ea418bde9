/**
 * @module Renders a message: its recipient, language, subject (safe as a header), HTML and text
 * parts and, for booking changes the customer's calendar should follow, an .ics invitation
 * (`REQUEST`) or cancellation (`CANCEL`) with the booking's UID and SEQUENCE. Pure: everything,
 * the time included, is passed in, so the same input always renders the same message.
 */
import { bookingUid, type CalendarMethod, renderCalendar } from '../services/ics.js';
import { headerText } from './header-text.js';
import type {
  BookingMessage,
  MessageInput,
  MessageKind,
  ReservationMessage,
  StockLowMessage,
  WebhookDisabledMessage,
} from './kinds.js';
import { type Letter, letterHtml, letterText } from './layout.js';
import { customerSpan, formatInstant, formatShort, formatSpan } from './when.js';
import { type MailWords, mailWordsFor, type Vars } from './words/index.js';

export interface RenderedMessage {
  kind: MessageKind;
  /** Null for a notice to a business without `notifyEmail`: nothing to send. */
  to: { name: string; email: string } | null;
  /** The language it is written in (a BCP 47 tag). */
  locale: string;
  subject: string;
  html: string;
  text: string;
  calendar?: { method: CalendarMethod; content: string } | undefined;
}

type Fact = [string, string];

const noVars: Vars = { business: '', service: '', customer: '', product: '', when: '' };

function compose(
  input: MessageInput,
  locale: string,
  words: MailWords,
  vars: Vars,
  facts: (Fact | null | false)[],
  extra: { notes?: string[]; action?: Letter['action'] } = {},
): Letter {
  const subject = headerText(words.subject[input.kind](vars));
  return {
    lang: locale,
    subject,
    heading: subject,
    intro: words.intro[input.kind](vars),
    facts: facts.filter((f): f is Fact => Array.isArray(f) && f[1] !== ''),
    notes: extra.notes ?? [],
    action: extra.action,
    footer: words.footer(input.business.name),
  };
}

const toCustomer = new Set<MessageKind>([
  'booking_received',
  'booking_confirmed',
  'booking_declined',
  'booking_rescheduled',
  'booking_cancelled',
  'booking_reminder',
]);

function bookingLetter(input: BookingMessage, now: number): RenderedMessage {
  const { business, booking } = input;
  const customerFacing = toCustomer.has(input.kind);
  // The customer reads their language, else the business's; staff read the business's.
  const { locale, words } = mailWordsFor(
    customerFacing ? [booking.locale, business.locale] : [business.locale],
  );
  const zone = business.timezone;
  const vars: Vars = {
    ...noVars,
    business: business.name,
    service: input.serviceName,
    customer: booking.customerName,
    when: formatShort(booking.start, zone, locale),
  };
  const l = words.label;
  const when: Fact = [l.when, formatSpan(booking.start, booking.end, zone, locale)];
  const theirs = customerSpan(booking.start, booking.end, zone, booking.customerTimeZone, locale);
  const facts: (Fact | null | false)[] = customerFacing
    ? [
        [l.service, input.serviceName],
        when,
        theirs !== null && [l.yourTime, theirs],
        input.kind === 'booking_rescheduled' &&
          input.previousStart !== undefined && [
            l.previously,
            formatInstant(input.previousStart, zone, locale),
          ],
        [l.with, input.resourceName ?? ''],
        [l.where, business.address ?? ''],
        (input.kind === 'booking_cancelled' || input.kind === 'booking_declined') && [
          l.reason,
          booking.cancelReason ?? '',
        ],
        [l.reference, booking.id],
      ]
    : [
        [l.customer, booking.customerName],
        [l.email, booking.customerEmail],
        [l.phone, booking.customerPhone ?? ''],
        [l.service, input.serviceName],
        when,
        [l.with, input.resourceName ?? ''],
        [l.notes, booking.notes],
        input.kind === 'notice_cancelled_by_customer' && [l.reason, booking.cancelReason ?? ''],
        [l.reference, booking.id],
      ];
  const notes: string[] = [];
  const stillOn = input.kind !== 'booking_cancelled' && input.kind !== 'booking_declined';
  if (input.kind === 'booking_reminder' && booking.status === 'pending') notes.push(words.pendingNote);
  const method: CalendarMethod | null =
    input.kind === 'booking_confirmed' || input.kind === 'booking_rescheduled'
      ? 'REQUEST'
      : input.kind === 'booking_cancelled'
        ? 'CANCEL'
        : null;
  if (method) notes.push(method === 'CANCEL' ? words.calendarRemove : words.calendarAttached);
  if (customerFacing && stillOn && !input.manageUrl) notes.push(words.contactBusiness(business.name));
  const action =
    customerFacing && stillOn && input.manageUrl ? { label: words.manage, url: input.manageUrl } : undefined;
  const letter = compose(input, locale, words, vars, facts, { notes, action });

  let calendar: RenderedMessage['calendar'];
  if (method) {
    const organizer = input.organizerEmail ? { name: business.name, email: input.organizerEmail } : null;
    calendar = {
      // An invitation needs an ORGANIZER; without the business's address it is a plain calendar file.
      method: organizer ? method : 'PUBLISH',
      content: renderCalendar({ method: organizer ? method : 'PUBLISH' }, [
        {
          uid: bookingUid(booking.id),
          sequence: booking.sequence,
          stamp: now,
          start: booking.start,
          end: booking.end,
          status: method === 'CANCEL' ? 'cancelled' : booking.status,
          summary: `${input.serviceName} — ${business.name}`,
          description: action ? `${action.label}: ${action.url}` : null,
          location: business.address,
          organizer,
          attendee: { name: booking.customerName, email: booking.customerEmail },
        },
      ]),
    };
  }
  return finish(input, letter, calendar);
}

function reservationLetter(input: ReservationMessage): RenderedMessage {
  const { business, reservation: r } = input;
  const { locale, words } = mailWordsFor([r.locale, business.locale]);
  const zone = business.timezone;
  const vars: Vars = {
    ...noVars,
    business: business.name,
    customer: r.customerName,
    product: r.productName,
    when: formatShort(r.expiresAt, zone, locale),
  };
  const l = words.label;
  const theirs =
    r.customerTimeZone && r.customerTimeZone !== zone
      ? formatInstant(r.expiresAt, r.customerTimeZone, locale)
      : null;
  const letter = compose(input, locale, words, vars, [
    [l.product, `${r.productName} (${r.sku})`],
    [l.quantity, String(r.quantity)],
    [l.shop, r.locationName],
    [l.until, formatInstant(r.expiresAt, zone, locale)],
    theirs !== null && [l.yourTime, theirs],
    [l.where, business.address ?? ''],
    [l.reference, r.id],
  ]);
  return finish(input, letter);
}

function noticeLetter(input: WebhookDisabledMessage | StockLowMessage): RenderedMessage {
  const { locale, words } = mailWordsFor([input.business.locale]);
  const l = words.label;
  if (input.kind === 'notice_webhook_disabled') {
    const letter = compose(input, locale, words, { ...noVars, business: input.business.name }, [
      [l.endpoint, input.endpointUrl],
      [l.reason, input.reason],
    ]);
    return finish(input, letter);
  }
  const vars = { ...noVars, business: input.business.name, product: input.productName };
  const letter = compose(input, locale, words, vars, [
    [l.product, `${input.productName} (${input.sku})`],
    [l.shop, input.locationName],
    [l.available, String(input.available)],
  ]);
  return finish(input, letter);
}

/**
 * Who `input`'s message goes to: the customer, or for a notice the business's notify address (null
 * when it has none). The same `to` rendering it gives, without rendering it.
 */
export function recipient(input: MessageInput): RenderedMessage['to'] {
  const customer =
    input.kind === 'reservation_made' || input.kind === 'reservation_expiring'
      ? input.reservation
      : 'booking' in input && toCustomer.has(input.kind)
        ? input.booking
        : null;
  return customer
    ? { name: headerText(customer.customerName), email: customer.customerEmail }
    : input.business.notifyEmail
      ? { name: headerText(input.business.name), email: input.business.notifyEmail }
      : null;
}

/** The rendered message: the letter's parts, addressed by `recipient`. */
function finish(
  input: MessageInput,
  letter: Letter,
  calendar?: RenderedMessage['calendar'],
): RenderedMessage {
  return {
    kind: input.kind,
    to: recipient(input),
    locale: letter.lang,
    subject: letter.subject,
    html: letterHtml(letter),
    text: letterText(letter),
    ...(calendar ? { calendar } : {}),
  };
}

/**
 * Renders `input` as of `now` (the .ics DTSTAMP).
 *
 * @example
 * const message = renderMessage({ kind: 'booking_confirmed', business, booking, serviceName: 'Haircut',
 *   resourceName: 'Ana', manageUrl, organizerEmail: 'owner@salon.example' }, Date.now());
 * message.subject; // 'Booking confirmed: Haircut, Mar 3, 9:00 AM' (booking.locale 'en')
 */
export function renderMessage(input: MessageInput, now: number): RenderedMessage {
  switch (input.kind) {
    case 'reservation_made':
    case 'reservation_expiring':
      return reservationLetter(input);
    case 'notice_webhook_disabled':
    case 'notice_stock_low':
      return noticeLetter(input);
    default:
      return bookingLetter(input, now);
  }
}

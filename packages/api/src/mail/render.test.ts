/**
 * @module Rendering every message kind in every language: safe subjects, times in named zones,
 * the customer's language and zone, the manage link, escaping, and calendar files that ical.js reads.
 */
import { describe, expect, it } from 'vitest';
import { eventFields, parseIcs } from '../../test/ical-check.js';
import {
  type BookingMessage,
  businessKinds,
  customerKinds,
  type MessageInput,
  type MessageKind,
} from './kinds.js';
import { manageUrl } from './manage-link.js';
import { renderMessage } from './render.js';
import { mailLanguages } from './words/index.js';

const now = Date.parse('2026-03-01T12:00:00Z');
const business = {
  name: 'Salão Lisboa',
  timezone: 'Europe/Lisbon',
  locale: 'pt-PT',
  address: 'Rua Augusta 1\n1100-048 Lisboa',
  notifyEmail: 'owner@salon.example',
};
const booking: BookingMessage['booking'] = {
  id: 'bkg_1',
  status: 'confirmed',
  start: Date.parse('2026-03-03T09:00:00Z'),
  end: Date.parse('2026-03-03T09:30:00Z'),
  sequence: 0,
  customerName: 'Conceição Gonçalves',
  customerEmail: 'conceicao@example.com',
  customerPhone: '+351 912 345 678',
  customerTimeZone: null,
  locale: 'en',
  notes: 'Short on the sides',
  cancelReason: null,
};
const link = 'https://salon.example/book#frontdesk_booking=bkg_1&frontdesk_token=mt_x';

function inputFor(kind: MessageKind, overrides: Partial<BookingMessage> = {}): MessageInput {
  switch (kind) {
    case 'reservation_made':
    case 'reservation_expiring':
      return {
        kind,
        business,
        reservation: {
          id: 'rsv_1',
          productName: 'Shampoo 250 ml',
          sku: 'SHAMPOO-250',
          quantity: 2,
          locationName: 'Chiado',
          expiresAt: Date.parse('2026-03-02T18:00:00Z'),
          customerName: 'Zoë',
          customerEmail: 'zoe@example.com',
          customerTimeZone: null,
          locale: 'en',
        },
      };
    case 'notice_webhook_disabled':
      return { kind, business, endpointUrl: 'https://hooks.example/fd', reason: 'answered 410 Gone' };
    case 'notice_stock_low':
      return {
        kind,
        business,
        productName: 'Shampoo',
        sku: 'SHAMPOO-250',
        locationName: 'Chiado',
        available: 1,
      };
    default:
      return {
        kind,
        business,
        booking,
        serviceName: 'Haircut',
        resourceName: 'Ana',
        manageUrl: link,
        previousStart: Date.parse('2026-03-02T15:00:00Z'),
        organizerEmail: 'owner@salon.example',
        ...overrides,
      };
  }
}

const allKinds = [...customerKinds, ...businessKinds];

describe('renderMessage', () => {
  it.each(Object.keys(mailLanguages))(
    'renders every kind in %s, with one-line subjects and both parts',
    (lang) => {
      for (const kind of allKinds) {
        const input = inputFor(kind);
        if ('booking' in input) input.booking = { ...input.booking, locale: lang };
        if ('reservation' in input) input.reservation = { ...input.reservation, locale: lang };
        const message = renderMessage(
          kind.startsWith('notice') ? { ...input, business: { ...business, locale: lang } } : input,
          now,
        );
        expect(message.locale, kind).toBe(lang);
        expect(message.subject.length).toBeGreaterThan(5);
        expect(message.subject).not.toMatch(/[\r\n]/);
        expect(message.html).toMatch(/^<!doctype html>\n<html lang="/);
        expect(message.html).toContain(`lang="${lang}"`);
        expect(message.text).toContain(message.subject);
        expect(message.to?.email).toBe(
          kind.startsWith('notice')
            ? 'owner@salon.example'
            : kind.startsWith('reservation')
              ? 'zoe@example.com'
              : 'conceicao@example.com',
        );
        if (!kind.startsWith('notice_webhook') && !kind.startsWith('notice_stock')) {
          expect(message.text, kind).toContain('(Europe/Lisbon)');
        }
      }
    },
  );

  it('writes to the customer in their language, else the business language, else English', () => {
    const withLocale = (locale: string | null, businessLocale = 'pt-PT') =>
      renderMessage(
        {
          ...(inputFor('booking_confirmed') as BookingMessage),
          booking: { ...booking, locale },
          business: { ...business, locale: businessLocale },
        },
        now,
      );
    expect(withLocale('de-AT').subject).toMatch(/^Buchung bestätigt: Haircut/);
    expect(withLocale('de-AT').locale).toBe('de-AT');
    expect(withLocale('it').subject).toMatch(/^Marcação confirmada: Haircut/);
    expect(withLocale(null).locale).toBe('pt-PT');
    expect(withLocale('it', 'ja').subject).toMatch(/^Booking confirmed: Haircut/);
    // Notices to the business are in its language, whatever the customer spoke.
    expect(renderMessage(inputFor('notice_new_booking'), now).subject).toMatch(
      /^Nova marcação: Conceição Gonçalves/,
    );
  });

  it('names the business zone and adds the customer zone when its clock differs', () => {
    const at = (customerTimeZone: string | null) =>
      renderMessage(
        { ...(inputFor('booking_confirmed') as BookingMessage), booking: { ...booking, customerTimeZone } },
        now,
      ).text;
    const saoPaulo = at('America/Sao_Paulo');
    expect(saoPaulo).toContain('When:');
    expect(saoPaulo).toContain('Tuesday, March 3, 2026, 9:00 AM–9:30 AM (Europe/Lisbon)');
    expect(saoPaulo).toContain('Your time:');
    expect(saoPaulo).toContain('Tuesday, March 3, 2026, 6:00 AM–6:30 AM (America/Sao_Paulo)');
    // Same zone, or another zone showing the same clock (London in winter): no second line.
    expect(at('Europe/Lisbon')).not.toContain('Your time');
    expect(at('Europe/London')).not.toContain('Your time');
    expect(at(null)).not.toContain('Your time');
  });

  it('keeps CR/LF out of subjects and recipient names, and escapes HTML', () => {
    const evil = renderMessage(
      {
        ...(inputFor('booking_confirmed') as BookingMessage),
        serviceName: 'Cut\r\nBcc: victim@example.com',
        booking: { ...booking, customerName: '<script>alert(1)</script>\nX-Evil: 1' },
      },
      now,
    );
    expect(evil.subject).toBe('Booking confirmed: Cut Bcc: victim@example.com, Mar 3, 9:00 AM');
    expect(evil.to?.name).toBe('<script>alert(1)</script> X-Evil: 1');
    expect(evil.html).not.toContain('<script>');
    expect(evil.html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    const notice = renderMessage(
      {
        ...(inputFor('notice_new_booking') as BookingMessage),
        business: { ...business, name: 'Salon\r\nBcc: x@y.z' },
      },
      now,
    );
    expect(notice.to?.name).toBe('Salon Bcc: x@y.z');
  });

  it('links to the manage view while the booking stands, or says whom to contact', () => {
    const confirmed = renderMessage(inputFor('booking_confirmed'), now);
    expect(confirmed.html).toContain(`href="${link.replace(/&/g, '&#38;')}"`);
    expect(confirmed.text).toContain(link);
    expect(renderMessage(inputFor('booking_reminder'), now).text).toContain(link);
    expect(renderMessage(inputFor('booking_cancelled'), now).text).not.toContain(link);
    const noPage = renderMessage(inputFor('booking_confirmed', { manageUrl: null }), now);
    expect(noPage.text).toContain('To change it, please contact Salão Lisboa.');
  });

  it('notes in a reminder that a pending booking is not confirmed yet', () => {
    const pending = renderMessage(
      { ...(inputFor('booking_reminder') as BookingMessage), booking: { ...booking, status: 'pending' } },
      now,
    );
    expect(pending.text).toContain('Note: the business has not confirmed this booking yet.');
    expect(renderMessage(inputFor('booking_reminder'), now).text).not.toContain('not confirmed');
  });

  it('attaches REQUEST for confirmed and rescheduled, CANCEL for cancelled, with one UID and growing SEQUENCE', () => {
    const file = (kind: MessageKind, sequence: number, overrides: Partial<BookingMessage> = {}) => {
      const input = inputFor(kind, overrides) as BookingMessage;
      const message = renderMessage({ ...input, booking: { ...input.booking, sequence } }, now);
      const parsed = parseIcs(message.calendar!.content);
      return {
        method: message.calendar!.method,
        prop: parsed.prop('method'),
        event: eventFields(parsed.events[0]!),
      };
    };
    const confirmed = file('booking_confirmed', 1);
    const moved = file('booking_rescheduled', 2);
    const cancelled = file('booking_cancelled', 3);
    expect([confirmed.prop, moved.prop, cancelled.prop]).toEqual(['REQUEST', 'REQUEST', 'CANCEL']);
    expect(new Set([confirmed.event.uid, moved.event.uid, cancelled.event.uid])).toEqual(
      new Set(['bkg_1@frontdesk']),
    );
    expect([confirmed.event.sequence, moved.event.sequence, cancelled.event.sequence]).toEqual([1, 2, 3]);
    expect(cancelled.event.status).toBe('CANCELLED');
    expect(confirmed.event.organizer).toEqual({ email: 'owner@salon.example', name: 'Salão Lisboa' });
    expect(confirmed.event.attendee).toEqual({ email: 'conceicao@example.com', name: 'Conceição Gonçalves' });
    // An invitation needs an organizer: without the business address it is a plain calendar file.
    expect(file('booking_confirmed', 1, { organizerEmail: null }).prop).toBe('PUBLISH');
    for (const kind of ['booking_received', 'booking_declined', 'booking_reminder'] as const) {
      expect(renderMessage(inputFor(kind), now).calendar, kind).toBeUndefined();
    }
  });

  it('addresses notices to notifyEmail and skips them without one; staff see contact details', () => {
    const notice = renderMessage(inputFor('notice_awaiting_confirmation'), now);
    expect(notice.to).toEqual({ name: 'Salão Lisboa', email: 'owner@salon.example' });
    expect(notice.text).toContain('conceicao@example.com');
    expect(notice.text).toContain('+351 912 345 678');
    const none = renderMessage(
      { ...inputFor('notice_stock_low'), business: { ...business, notifyEmail: null } },
      now,
    );
    expect(none.to).toBeNull();
  });

  it('leaves colours to the mail client (dark mode) except on the button', () => {
    const html = renderMessage(inputFor('booking_confirmed'), now).html;
    const styles = [...html.matchAll(/style="([^"]*)"/g)].map((m) => m[1]!);
    const coloured = styles.filter((s) => /(^|;)\s*(color|background)/.test(s));
    expect(coloured).toHaveLength(1);
    expect(coloured[0]).toContain('background:#1d4ed8;color:#ffffff');
    expect(html).toContain('<meta name="color-scheme" content="light dark">');
    expect(html).toContain('<th scope="row"');
  });
});

describe('manageUrl', () => {
  it('adds the fragment to the booking page, else links the hosted page, else nothing', () => {
    expect(
      manageUrl(
        { bookingPageUrl: 'https://salon.example/book?src=mail', slug: 's' },
        'https://api.example',
        'bkg_1',
        'mt_x',
      ),
    ).toBe('https://salon.example/book?src=mail#frontdesk_booking=bkg_1&frontdesk_token=mt_x');
    expect(
      manageUrl({ bookingPageUrl: 'https://salon.example/book#old', slug: 's' }, undefined, 'bkg 2', 'mt_x'),
    ).toBe('https://salon.example/book#frontdesk_booking=bkg+2&frontdesk_token=mt_x');
    expect(manageUrl({ bookingPageUrl: null, slug: 'salao' }, 'https://api.example', 'bkg_1', 'mt_x')).toBe(
      'https://api.example/book/salao#frontdesk_booking=bkg_1&frontdesk_token=mt_x',
    );
    expect(
      manageUrl({ bookingPageUrl: null, slug: null }, 'https://api.example', 'bkg_1', 'mt_x'),
    ).toBeNull();
    expect(manageUrl({ bookingPageUrl: null, slug: 'salao' }, undefined, 'bkg_1', 'mt_x')).toBeNull();
  });
});

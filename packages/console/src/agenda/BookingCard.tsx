/**
 * @module One booking on the agenda: a link to its detail, named by time, service, customer and
 * status, so the list of links reads well to a screen reader too.
 */
import type { JSX } from 'preact';
import { formatTime } from '../format.js';
import { t } from '../i18n/index.js';
import { link } from '../router.js';
import type { AgendaBooking } from './day-model.js';

export function bookingLabel(booking: AgendaBooking, zone: string, serviceName: string): string {
  const time = `${formatTime(booking.start, zone)}–${formatTime(booking.end, zone)}`;
  const arrived = booking.arrivedAt ? `, ${t.agenda.arrived}` : '';
  return `${time} ${serviceName}, ${booking.customer.name}, ${t.status[booking.status] ?? booking.status}${arrived}`;
}

export function BookingCard({
  booking,
  zone,
  serviceName,
  style,
}: {
  booking: AgendaBooking;
  zone: string;
  serviceName: string;
  style?: JSX.CSSProperties;
}) {
  return (
    <a
      {...link(`/bookings/${booking.id}`)}
      class={`slot slot--${booking.status}`}
      data-booking={booking.id}
      style={style}
      title={bookingLabel(booking, zone, serviceName)}
    >
      <span class="slot-time">{formatTime(booking.start, zone)}</span>
      <span class="sr-only">–{formatTime(booking.end, zone)},</span>{' '}
      <span class="slot-service">{serviceName}</span>
      <span class="sr-only">,</span> <span class="slot-customer">{booking.customer.name}</span>
      <span class="sr-only">,</span>{' '}
      <span class="slot-status">{t.status[booking.status] ?? booking.status}</span>
      {booking.arrivedAt && <span class="sr-only">, {t.agenda.arrived}</span>}
    </a>
  );
}

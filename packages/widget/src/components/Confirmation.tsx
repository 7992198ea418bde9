/**
 * @module The end of the flow: what was booked, an .ics file for the visitor's calendar, and the
 * link to change or cancel later.
 */
import type { Booking, Service } from '@frontdesk/core';
import type { ApiClient } from '../state/api-client.js';
import { dateTime, zoneName } from '../state/format.js';
import { useEnv } from './env.js';

export interface ConfirmationProps {
  booking: Booking;
  service: Service | null;
  zone: string;
  manageUrl: string;
  api: ApiClient;
  onAgain: () => void;
}

/** Fetches the .ics (it needs the key, so a plain link cannot) and hands it to the browser. */
export async function downloadIcs(api: ApiClient, booking: Booking): Promise<boolean> {
  if (!booking.manageToken) return false;
  const result = await api.ics(booking.id, booking.manageToken);
  if (!result.ok) return false;
  const url = URL.createObjectURL(new Blob([result.value], { type: 'text/calendar' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `booking-${booking.id}.ics`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return true;
}

export function Confirmation({ booking, service, zone, manageUrl, api, onAgain }: ConfirmationProps) {
  const { t, lang } = useEnv();
  return (
    <div>
      <dl>
        {service ? (
          <>
            <dt>{t.serviceLabel}</dt>
            <dd>{service.name}</dd>
          </>
        ) : null}
        <dt>{t.when}</dt>
        <dd>
          <time dateTime={booking.start}>{dateTime(booking.start, lang, zone)}</time> ({zoneName(zone)})
        </dd>
        <dt>{t.email}</dt>
        <dd>{booking.customer.email}</dd>
      </dl>
      <div class="row">
        <button type="button" onClick={() => void downloadIcs(api, booking)}>
          {t.addToCalendar}
        </button>
        <a class="btn" href={manageUrl}>
          {t.manage}
        </a>
        <button type="button" onClick={onAgain}>
          {t.bookAnother}
        </button>
      </div>
    </div>
  );
}

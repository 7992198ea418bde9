/**
 * @module The day view: one column per resource, hours down the side, bookings placed by time,
 * non-working hours, time off, holds and closures shaded, and a line at the current time. Shaded
 * parts are drawn for the eye and also listed in words for screen readers.
 */

import type { Agenda } from '@frontdesk/sdk/console';
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { formatTime, hhmm, minutesIn, todayIn } from '../format.js';
import { t } from '../i18n/index.js';
import { BookingCard } from './BookingCard.js';
import { dayColumns, offHours, type Span, visibleRange } from './day-model.js';

/** Pixels per minute of the grid. */
const SCALE = 1.1;

const place = (span: Span, range: Span) => ({
  top: `${(span.start - range.start) * SCALE}px`,
  height: `${Math.max(18, (span.end - span.start) * SCALE)}px`,
});

export function DayGrid({
  agenda,
  date,
  zone,
  serviceName,
}: {
  agenda: Agenda;
  date: string;
  zone: string;
  serviceName: (id: string) => string;
}) {
  const now = useSignal(Date.now());
  useEffect(() => {
    const timer = setInterval(() => (now.value = Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const columns = dayColumns(agenda, date, zone);
  const range = visibleRange(columns);
  const hours: number[] = [];
  for (let m = range.start; m < range.end; m += 60) hours.push(m);
  const isToday = todayIn(zone, now.value) === date;
  const nowMinutes = minutesIn(now.value, zone);
  const height = { height: `${(range.end - range.start) * SCALE}px` };

  return (
    <div class="day-grid" style={{ '--columns': String(columns.length) } as Record<string, string>}>
      <div class="day-grid__head" aria-hidden="true">
        <span />
        {columns.map((c) => (
          <span key={c.resourceId}>{c.name}</span>
        ))}
      </div>
      <div class="day-grid__body">
        <div class="hours" style={height} aria-hidden="true">
          {hours.map((m) => (
            <span key={m} style={{ top: `${(m - range.start) * SCALE}px` }}>
              {hhmm(m)}
            </span>
          ))}
        </div>
        {columns.map((column) => (
          <section key={column.resourceId} class="column" aria-label={column.name} style={height}>
            <h2 class="sr-only">{column.name}</h2>
            <ul class="sr-only">
              {column.closedBy !== null && <li>{t.agenda.closure(column.closedBy)}</li>}
              {column.away.map((a) => (
                <li key={`${a.start}`}>{`${t.agenda.timeOff(a.reason)} ${hhmm(a.start)}–${hhmm(a.end)}`}</li>
              ))}
              {column.holds.map((h) => (
                <li key={`h${h.start}`}>{`${t.agenda.hold} ${hhmm(h.start)}–${hhmm(h.end)}`}</li>
              ))}
            </ul>
            {offHours(column.working, range).map((span) => (
              <div
                key={`o${span.start}`}
                class="shade shade--off"
                style={place(span, range)}
                aria-hidden="true"
              />
            ))}
            {column.closedBy !== null && (
              <div class="shade shade--closed" style={place(range, range)} aria-hidden="true">
                <span>{t.agenda.closure(column.closedBy)}</span>
              </div>
            )}
            {column.away.map((span) => (
              <div
                key={`a${span.start}`}
                class="shade shade--away"
                style={place(span, range)}
                aria-hidden="true"
              >
                <span>{t.agenda.timeOff(span.reason)}</span>
              </div>
            ))}
            {column.holds.map((span) => (
              <div
                key={`h${span.start}`}
                class="shade shade--hold"
                style={place(span, range)}
                aria-hidden="true"
                title={t.agenda.hold}
              />
            ))}
            {column.bookings.map(({ booking, ...span }) => (
              <BookingCard
                key={booking.id}
                booking={booking}
                zone={zone}
                serviceName={serviceName(booking.serviceId)}
                style={place(span, range)}
              />
            ))}
            {isToday && nowMinutes >= range.start && nowMinutes <= range.end && (
              <div
                class="now-line"
                style={{ top: `${(nowMinutes - range.start) * SCALE}px` }}
                aria-hidden="true"
              />
            )}
          </section>
        ))}
      </div>
      {isToday && (
        <p class="sr-only">
          {t.agenda.now}: {formatTime(now.value, zone)}
        </p>
      )}
    </div>
  );
}

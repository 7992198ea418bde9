/**
 * @module The week view: a row per day, a column per resource, each cell listing its bookings in
 * time order (with closures and time off named), so a week fits a phone with a sideways scroll.
 */
import type { Agenda } from '@frontdesk/sdk/console';
import { addDays, formatDate, hhmm, todayIn } from '../format.js';
import { t } from '../i18n/index.js';
import { link } from '../router.js';
import { BookingCard } from './BookingCard.js';
import { dayColumns } from './day-model.js';

export function WeekTable({
  agenda,
  monday,
  zone,
  serviceName,
}: {
  agenda: Agenda;
  monday: string;
  zone: string;
  serviceName: (id: string) => string;
}) {
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const today = todayIn(zone);
  return (
    <div class="table-scroll">
      <table class="week">
        <thead>
          <tr>
            <th scope="col">{t.agenda.date}</th>
            {agenda.resources.map((r) => (
              <th key={r.id} scope="col">
                {r.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {days.map((date) => {
            const columns = dayColumns(agenda, date, zone);
            return (
              <tr key={date} class={date === today ? 'today' : undefined}>
                <th scope="row">
                  <a {...link(`/agenda?view=day&date=${date}`)}>{formatDate(date, 'short')}</a>
                </th>
                {columns.map((column) => (
                  <td key={column.resourceId} class={column.working.length === 0 ? 'off' : undefined}>
                    {column.closedBy !== null && <p class="tag">{t.agenda.closure(column.closedBy)}</p>}
                    {column.closedBy === null && column.working.length === 0 && (
                      <p class="tag">{t.agenda.closed}</p>
                    )}
                    {column.away.map((a) => (
                      <p
                        key={a.start}
                        class="tag tag--away"
                      >{`${t.agenda.timeOff(a.reason)} ${hhmm(a.start)}–${hhmm(a.end)}`}</p>
                    ))}
                    {column.bookings.map(({ booking }) => (
                      <BookingCard
                        key={booking.id}
                        booking={booking}
                        zone={zone}
                        serviceName={serviceName(booking.serviceId)}
                      />
                    ))}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

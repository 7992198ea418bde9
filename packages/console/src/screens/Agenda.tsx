/**
 * @module The agenda: a day (a column per resource) or a week, moved with buttons or the keyboard
 * (← → days or weeks, T today, D day, W week, N new booking; ↑ ↓ between bookings). The URL keeps
 * the date and view, so a reload or a shared link shows the same.
 */
import { useEffect } from 'preact/hooks';
import { DayGrid } from '../agenda/DayGrid.js';
import { WeekTable } from '../agenda/WeekTable.js';
import { desk } from '../api.js';
import { Heading } from '../components/Heading.js';
import { Loadable } from '../components/Loadable.js';
import { addDays, formatDate, mondayOf, todayIn } from '../format.js';
import { t } from '../i18n/index.js';
import { link, navigate, place, setQuery } from '../router.js';
import { loadCatalog } from '../state/catalog.js';
import { useLoad } from '../state/load.js';
import { isOwner, zone } from '../state/session.js';

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName));

/** The day and view the address asks for (today's day view by default). */
function shown(query: URLSearchParams, tz: string) {
  const view = query.get('view') === 'week' ? 'week' : 'day';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(query.get('date') ?? '') ? query.get('date')! : todayIn(tz);
  return { view, date, step: view === 'week' ? 7 : 1 };
}

export default function AgendaScreen() {
  const tz = zone.value;
  const { view, date, step } = shown(place.value.query, tz);
  const from = view === 'week' ? mondayOf(date) : date;
  const to = view === 'week' ? addDays(from, 6) : date;

  const data = useLoad(async () => {
    const [agenda, catalog] = await Promise.all([desk.agenda.get({ from, to }), loadCatalog()]);
    return { agenda, catalog };
  }, [from, to]);

  const go = (changes: { date?: string; view?: string }) => setQuery({ date, view, ...changes });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || typing(event.target))
        return;
      // Read from the address, not from the render this listener was made in: a key pressed right
      // after another must act on the day that one moved to, even before the screen has redrawn.
      const tz = zone.peek();
      const { date, view, step } = shown(place.peek().query, tz);
      const go = (changes: { date?: string; view?: string }) => setQuery({ date, view, ...changes });
      const key = event.key;
      if (key === 'ArrowLeft') go({ date: addDays(date, -step) });
      else if (key === 'ArrowRight') go({ date: addDays(date, step) });
      else if (key === 't' || key === 'T') go({ date: todayIn(tz) });
      else if (key === 'd' || key === 'D') go({ view: 'day' });
      else if (key === 'w' || key === 'W') go({ view: 'week' });
      else if ((key === 'n' || key === 'N') && isOwner.value) navigate(`/bookings/new?date=${date}`);
      else if (key === 'ArrowDown' || key === 'ArrowUp') {
        const cards = [...document.querySelectorAll<HTMLElement>('main [data-booking]')];
        if (cards.length === 0) return;
        const at = cards.indexOf(document.activeElement as HTMLElement);
        const next = key === 'ArrowDown' ? Math.min(cards.length - 1, at + 1) : Math.max(0, at - 1);
        cards[at === -1 ? 0 : next]?.focus();
      } else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const title =
    view === 'week' ? `${formatDate(from, 'short')} – ${formatDate(to, 'short')}` : formatDate(date);
  return (
    <section class="agenda">
      <div class="toolbar">
        <Heading>
          {t.agenda.title}: {title}
        </Heading>
        {isOwner.value && (
          <a class="button primary" {...link(`/bookings/new?date=${date}`)}>
            {t.agenda.newBooking}
          </a>
        )}
      </div>
      <div class="toolbar toolbar--start">
        <button type="button" onClick={() => go({ date: addDays(date, -step) })}>
          ← {t.agenda.previous}
        </button>
        <button type="button" onClick={() => go({ date: todayIn(tz) })}>
          {t.agenda.today}
        </button>
        <button type="button" onClick={() => go({ date: addDays(date, step) })}>
          {t.agenda.following} →
        </button>
        <label class="inline">
          <span>{t.agenda.date}</span>
          <input
            type="date"
            value={date}
            onChange={(e) => go({ date: (e.currentTarget as HTMLInputElement).value || date })}
          />
        </label>
        <button
          type="button"
          aria-pressed={view === 'day' ? 'true' : 'false'}
          onClick={() => go({ view: 'day' })}
        >
          {t.agenda.day}
        </button>
        <button
          type="button"
          aria-pressed={view === 'week' ? 'true' : 'false'}
          onClick={() => go({ view: 'week' })}
        >
          {t.agenda.week}
        </button>
      </div>
      <p class="hint">{t.agenda.keyboard}</p>
      <Loadable loader={data}>
        {({ agenda, catalog }) =>
          agenda.resources.length === 0 ? (
            <p>{t.agenda.noResources}</p>
          ) : view === 'week' ? (
            <WeekTable agenda={agenda} monday={from} zone={tz} serviceName={catalog.serviceName} />
          ) : (
            <DayGrid agenda={agenda} date={date} zone={tz} serviceName={catalog.serviceName} />
          )
        }
      </Loadable>
    </section>
  );
}

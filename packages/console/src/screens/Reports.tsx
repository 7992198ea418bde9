/**
 * @module Reports (owners): a period (in the URL, so it survives a reload) against the one before
 * it — the key figures, bookings over time, utilisation per resource, the busiest hours, top
 * services, and stock. Each chart has its table and a CSV download beside it.
 */
import type { BookingFigures, BookingReport, StockReport } from '@frontdesk/sdk/console';
import { useSignal } from '@preact/signals';
import { desk } from '../api.js';
import { Choice, Field } from '../components/Field.js';
import { Heading } from '../components/Heading.js';
import { Loadable } from '../components/Loadable.js';
import { addDays, formatMoney, todayIn } from '../format.js';
import { t } from '../i18n/index.js';
import { BarChart } from '../reports/BarChart.js';
import { ChartFigure } from '../reports/ChartFigure.js';
import { Heatmap } from '../reports/Heatmap.js';
import { LineChart } from '../reports/LineChart.js';
import { percent, shortDuration } from '../reports/numbers.js';
import { StockSection } from '../reports/StockSection.js';
import { place, setQuery } from '../router.js';
import { useLoad } from '../state/load.js';
import { zone } from '../state/session.js';

const groupings = ['day', 'week', 'resource', 'service'] as const;
type Grouping = (typeof groupings)[number];

function KeyFigures({ report }: { report: BookingReport }) {
  const { current: now, previous: before } = report;
  const money = (f: BookingFigures) =>
    f.revenue.map((r) => formatMoney(r.amount, r.currency)).join(', ') || '—';
  const lead = (f: BookingFigures) =>
    f.leadTime.medianMinutes === null ? '—' : shortDuration(f.leadTime.medianMinutes);
  const figures = [
    [t.reports.bookings, String(now.totals.total), String(before.totals.total)],
    [t.reports.cancellationRate, percent(now.cancellationRate), percent(before.cancellationRate)],
    [t.reports.noShowRate, percent(now.noShowRate), percent(before.noShowRate)],
    [t.reports.medianLead, lead(now), lead(before)],
    [t.reports.revenue, money(now), money(before)],
  ];
  return (
    <section class="card" aria-labelledby="figures-title">
      <h2 id="figures-title">{t.reports.keyFigures}</h2>
      <dl class="figures">
        {figures.map(([name, value, previous]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>
              <strong>{value}</strong> <span class="hint">{t.reports.previousValue(previous!)}</span>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Charts({ report, file }: { report: BookingReport; file: string }) {
  const { current: now, previous: before } = report;
  const overTime = report.groupBy === 'day' || report.groupBy === 'week';
  const groupRows = now.groups.map((g, i) => [
    g.label,
    g.counts.total,
    g.counts.completed,
    g.counts.cancelled,
    g.counts.no_show,
    overTime
      ? (before.groups[i]?.counts.total ?? 0)
      : (before.groups.find((p) => p.key === g.key)?.counts.total ?? 0),
  ]);
  const util = now.utilisation.map((u) => ({
    label: u.name,
    current: u.rate ?? 0,
    previous: before.utilisation.find((p) => p.resourceId === u.resourceId)?.rate ?? 0,
    text: percent(u.rate),
  }));
  const busyHours = [...Array(24).keys()].filter((h) => now.heatmap.some((row) => (row[h] ?? 0) > 0));
  const hours = busyHours.length > 0 ? busyHours : [9, 10, 11, 12, 13, 14, 15, 16, 17];
  const busiest = Math.max(0, ...now.heatmap.flat());
  return (
    <>
      <ChartFigure
        title={t.reports.bookingsBy[report.groupBy as Grouping]}
        summary={t.reports.bookingsSummary(now.totals.total, before.totals.total)}
        columns={[
          t.reports.group,
          t.reports.bookings,
          t.status.completed!,
          t.status.cancelled!,
          t.status.no_show!,
          t.reports.previousPeriod,
        ]}
        rows={groupRows}
        file={`bookings-${file}`}
      >
        {overTime ? (
          <LineChart
            current={now.groups.map((g) => g.counts.total)}
            previous={before.groups.map((g) => g.counts.total)}
          />
        ) : (
          <BarChart
            bars={now.groups.map((g, i) => ({
              label: g.label,
              current: g.counts.total,
              previous: Number(groupRows[i]![5]),
              text: String(g.counts.total),
            }))}
          />
        )}
      </ChartFigure>
      <ChartFigure
        title={t.reports.utilisation}
        summary={t.reports.utilisationSummary}
        columns={[
          t.reports.resource,
          t.reports.bookedHours,
          t.reports.openHours,
          t.reports.utilisation,
          t.reports.previousPeriod,
        ]}
        rows={now.utilisation.map((u, i) => [
          u.name,
          Math.round(u.bookedMinutes / 6) / 10,
          Math.round(u.openMinutes / 6) / 10,
          percent(u.rate),
          percent(util[i]!.previous),
        ])}
        file={`utilisation-${file}`}
      >
        <BarChart bars={util} max={1} />
      </ChartFigure>
      <ChartFigure
        title={t.reports.busiestHours}
        summary={t.reports.busiestSummary(busiest)}
        columns={[t.reports.weekday, ...[...Array(24).keys()].map((h) => `${h}:00`)]}
        rows={now.heatmap.map((row, d) => [t.reports.weekdays[d]!, ...row])}
        file={`hours-${file}`}
      >
        <Heatmap cells={now.heatmap} weekdays={t.reports.weekdays} hours={hours} />
      </ChartFigure>
      <section class="card" aria-labelledby="top-title">
        <h2 id="top-title">{t.reports.topServices}</h2>
        {now.topServices.length === 0 ? (
          <p>{t.reports.nothing}</p>
        ) : (
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.reports.service}</th>
                  <th scope="col">{t.reports.bookings}</th>
                  <th scope="col">{t.status.completed}</th>
                  <th scope="col">{t.reports.revenue}</th>
                </tr>
              </thead>
              <tbody>
                {now.topServices.map((s) => (
                  <tr key={s.serviceId}>
                    <th scope="row">{s.name}</th>
                    <td>{s.bookings}</td>
                    <td>{s.completed}</td>
                    <td>{s.revenue ? formatMoney(s.revenue.amount, s.revenue.currency) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

export default function Reports() {
  const today = todayIn(zone.value);
  const query = place.value.query;
  const from = query.get('from') ?? addDays(today, -29);
  const to = query.get('to') ?? today;
  const groupBy = (groupings as readonly string[]).includes(query.get('groupBy') ?? '')
    ? (query.get('groupBy') as Grouping)
    : 'day';
  const draft = useSignal({ from, to, groupBy: groupBy as string });
  const data = useLoad(async (): Promise<{ bookings: BookingReport; stock: StockReport }> => {
    const [bookings, stock] = await Promise.all([
      desk.reports.bookings({ from, to, groupBy }),
      desk.reports.stock({ from, to }),
    ]);
    return { bookings, stock };
  }, [from, to, groupBy]);
  const set = (name: 'from' | 'to' | 'groupBy') => (value: string) =>
    (draft.value = { ...draft.value, [name]: value });
  return (
    <section>
      <Heading>{t.reports.title}</Heading>
      <form
        class="card filters"
        aria-label={t.reports.period}
        onSubmit={(event) => {
          event.preventDefault();
          setQuery(draft.value);
        }}
      >
        <h2>{t.reports.period}</h2>
        <div class="grid">
          <Field label={t.reports.from} type="date" value={draft.value.from} onValue={set('from')} required />
          <Field label={t.reports.to} type="date" value={draft.value.to} onValue={set('to')} required />
          <Choice
            label={t.reports.groupBy}
            value={draft.value.groupBy}
            onValue={set('groupBy')}
            options={groupings.map((g) => ({ value: g, label: t.reports.groupings[g] }))}
          />
        </div>
        <button type="submit" class="primary">
          {t.reports.show}
        </button>
      </form>
      <Loadable loader={data}>
        {({ bookings, stock }) => (
          <>
            <p class="hint">
              {t.reports.comparing(
                bookings.current.period.from,
                bookings.current.period.to,
                bookings.previous.period.from,
                bookings.previous.period.to,
              )}
            </p>
            <KeyFigures report={bookings} />
            <Charts report={bookings} file={`${from}-${to}`} />
            <StockSection report={stock} file={`${from}-${to}`} />
          </>
        )}
      </Loadable>
    </section>
  );
}

/**
 * @module The stock part of the reports: reservations by outcome (this period and the one before,
 * as a chart with its table), units per product and location, and what is low now.
 */
import type { StockReport } from '@frontdesk/sdk/console';
import { t } from '../i18n/index.js';
import { BarChart } from './BarChart.js';
import { ChartFigure } from './ChartFigure.js';

const outcomes = ['collected', 'expired', 'released', 'active'] as const;

export function StockSection({ report, file }: { report: StockReport; file: string }) {
  const { current: now, previous: before } = report;
  return (
    <section aria-labelledby="stock-title">
      <h2 id="stock-title">{t.reports.stock}</h2>
      <ChartFigure
        title={t.reports.reservations}
        summary={t.reports.reservationsSummary(now.reservations.total, before.reservations.total)}
        columns={[t.reports.outcome, t.reports.thisPeriod, t.reports.previousPeriod]}
        rows={outcomes.map((o) => [t.reports.outcomes[o], now.reservations[o], before.reservations[o]])}
        file={`reservations-${file}`}
      >
        <BarChart
          bars={outcomes.map((o) => ({
            label: t.reports.outcomes[o],
            current: now.reservations[o],
            previous: before.reservations[o],
            text: String(now.reservations[o]),
          }))}
        />
      </ChartFigure>
      <section class="card" aria-labelledby="units-title">
        <h3 id="units-title">{t.reports.units}</h3>
        {now.movements.length === 0 ? (
          <p>{t.reports.nothing}</p>
        ) : (
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.reports.product}</th>
                  <th scope="col">{t.reports.location}</th>
                  <th scope="col">{t.reports.sold}</th>
                  <th scope="col">{t.reports.collected}</th>
                  <th scope="col">{t.reports.received}</th>
                </tr>
              </thead>
              <tbody>
                {now.movements.map((m) => (
                  <tr key={`${m.sku}|${m.locationId}`}>
                    <th scope="row">
                      {m.name} <span class="hint">{m.sku}</span>
                    </th>
                    <td>{m.locationId}</td>
                    <td>{m.sold}</td>
                    <td>{m.collected}</td>
                    <td>{m.received}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section class="card" aria-labelledby="low-title">
        <h3 id="low-title">{t.reports.belowThreshold}</h3>
        {report.belowThreshold.length === 0 ? (
          <p>{t.reports.nothingLow}</p>
        ) : (
          <ul>
            {report.belowThreshold.map((p) => (
              <li key={p.sku}>{t.reports.lowLine(p.name, p.available, p.lowStockThreshold)}</li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}

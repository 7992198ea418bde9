/**
 * @module A chart with its alternatives: the picture (hand-written SVG, named for screen readers),
 * the same figures as a table behind a disclosure, and a CSV download of that table.
 */
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { t } from '../i18n/index.js';
import { type Cell, downloadCsv } from './csv.js';

export interface ChartFigureProps {
  title: string;
  /** A one-line reading of the chart (its accessible description). */
  summary: string;
  /** The table alternative: a header row, then the data. */
  columns: string[];
  rows: Cell[][];
  /** File name of the CSV, without `.csv`. */
  file: string;
  /** The SVG. */
  children: ComponentChildren;
}

export function ChartFigure({ title, summary, columns, rows, file, children }: ChartFigureProps) {
  const id = useId();
  return (
    <figure class="card chart" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <p class="hint" id={`${id}-summary`}>
        {summary}
      </p>
      <div
        class="chart__picture"
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-summary`}
      >
        {children}
      </div>
      <details>
        <summary>{t.reports.showTable(title)}</summary>
        <div class="table-scroll">
          <table>
            <caption class="sr-only">{title}</caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={String(row[0])}>
                  {row.map((cell, i) => (i === 0 ? <th scope="row">{cell}</th> : <td>{cell}</td>))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <button type="button" onClick={() => downloadCsv(`${file}.csv`, [columns, ...rows])}>
        {t.reports.downloadCsv} <span class="sr-only">{title}</span>
      </button>
    </figure>
  );
}

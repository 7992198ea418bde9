/**
 * @module Weekday × hour on the business's clock: one cell per hour, darker the more bookings
 * started then. Only the hours that have any booking in the week are drawn, so a shop open 9–18
 * gets wide cells. Its figure carries the name and the table.
 */
const CELL_H = 22;
const LABEL = 44;
const WIDTH = 600;

export function Heatmap({
  cells,
  weekdays,
  hours,
}: {
  cells: number[][];
  weekdays: string[];
  hours: number[];
}) {
  const max = Math.max(1, ...cells.flat());
  const cellW = (WIDTH - LABEL) / Math.max(1, hours.length);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${CELL_H * 8}`} class="chart__svg" aria-hidden="true" focusable="false">
      {hours.map((hour, i) => (
        <text key={hour} x={LABEL + i * cellW + 2} y={14} class="chart__label chart__label--small">
          {hour}
        </text>
      ))}
      {weekdays.map((day, row) => (
        <g key={day} transform={`translate(0 ${(row + 1) * CELL_H})`}>
          <text x={0} y={15} class="chart__label">
            {day}
          </text>
          {hours.map((hour, i) => {
            const count = cells[row]?.[hour] ?? 0;
            return (
              <rect
                key={hour}
                x={LABEL + i * cellW}
                y={1}
                width={Math.max(1, cellW - 2)}
                height={CELL_H - 3}
                class={count === 0 ? 'chart__cell chart__cell--empty' : 'chart__cell'}
                fill-opacity={count === 0 ? undefined : (0.15 + (0.85 * count) / max).toFixed(2)}
              />
            );
          })}
        </g>
      ))}
    </svg>
  );
}

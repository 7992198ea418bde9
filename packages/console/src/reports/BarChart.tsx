/**
 * @module Horizontal bars, one pair per row: this period (solid) over the previous one (muted),
 * labelled with the row's name and value. Scales to its box; its figure carries name and table.
 */
const WIDTH = 600;
const ROW = 44;
const LABEL = 160;

export interface Bar {
  label: string;
  current: number;
  previous: number;
  /** The value as shown (`72 %`). */
  text: string;
}

export function BarChart({ bars, max }: { bars: Bar[]; max?: number }) {
  const top = Math.max(max ?? 0, ...bars.map((b) => Math.max(b.current, b.previous)), 1e-9);
  const span = WIDTH - LABEL - 70;
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${Math.max(ROW, bars.length * ROW)}`}
      class="chart__svg"
      aria-hidden="true"
      focusable="false"
    >
      {bars.map((bar, i) => (
        <g key={bar.label} transform={`translate(0 ${i * ROW})`}>
          <text x={0} y={20} class="chart__label">
            {bar.label.length > 20 ? `${bar.label.slice(0, 19)}…` : bar.label}
          </text>
          <rect x={LABEL} y={6} height={16} width={(bar.current / top) * span} class="chart__bar" />
          <rect
            x={LABEL}
            y={25}
            height={10}
            width={(bar.previous / top) * span}
            class="chart__bar chart__bar--previous"
          />
          <text x={LABEL + (bar.current / top) * span + 6} y={20} class="chart__label">
            {bar.text}
          </text>
        </g>
      ))}
    </svg>
  );
}

/**
 * @module Two series over the same buckets (this period, and the previous one drawn dashed), as an
 * SVG line chart that scales to its box. Decorative to assistive technology: its figure carries
 * the name and the table.
 */
const WIDTH = 600;
const HEIGHT = 200;
const PAD = 24;

function points(values: readonly number[], max: number): string {
  const step = values.length > 1 ? (WIDTH - 2 * PAD) / (values.length - 1) : 0;
  return values
    .map(
      (v, i) =>
        `${(PAD + i * step).toFixed(1)},${(HEIGHT - PAD - (v / max) * (HEIGHT - 2 * PAD)).toFixed(1)}`,
    )
    .join(' ');
}

export function LineChart({ current, previous }: { current: number[]; previous: number[] }) {
  const max = Math.max(1, ...current, ...previous);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} class="chart__svg" aria-hidden="true" focusable="false">
      <line x1={PAD} y1={HEIGHT - PAD} x2={WIDTH - PAD} y2={HEIGHT - PAD} class="chart__axis" />
      <text x={PAD} y={PAD - 8} class="chart__label">
        {max}
      </text>
      <polyline points={points(previous, max)} class="chart__line chart__line--previous" />
      <polyline points={points(current, max)} class="chart__line" />
    </svg>
  );
}

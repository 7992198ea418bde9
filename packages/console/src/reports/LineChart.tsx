/**
 * @module Two series over the same buckets (this period, and the previous one drawn dashed), as an
 * SVG line chart that scales to its box, with dots where there are few buckets (a single day is a
 * point, not a line). Hidden from assistive technology: its figure carries the name and the table.
 */
const WIDTH = 600;
const HEIGHT = 200;
const PAD = 24;

type Point = [number, number];

function coordinates(values: readonly number[], max: number): Point[] {
  const step = values.length > 1 ? (WIDTH - 2 * PAD) / (values.length - 1) : 0;
  return values.map((v, i) => [PAD + i * step, HEIGHT - PAD - (v / max) * (HEIGHT - 2 * PAD)]);
}

const points = (xy: Point[]) => xy.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ');

function Series({ xy, previous }: { xy: Point[]; previous?: boolean }) {
  const kind = previous ? ' chart__line--previous' : '';
  return (
    <>
      <polyline points={points(xy)} class={`chart__line${kind}`} />
      {xy.length <= 62 &&
        xy.map(([x, y]) => (
          <circle
            key={x}
            cx={x}
            cy={y}
            r={3.5}
            class={previous ? 'chart__dot chart__dot--previous' : 'chart__dot'}
          />
        ))}
    </>
  );
}

export function LineChart({ current, previous }: { current: number[]; previous: number[] }) {
  const max = Math.max(1, ...current, ...previous);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} class="chart__svg" aria-hidden="true" focusable="false">
      <line x1={PAD} y1={HEIGHT - PAD} x2={WIDTH - PAD} y2={HEIGHT - PAD} class="chart__axis" />
      <text x={PAD} y={PAD - 8} class="chart__label">
        {max}
      </text>
      <Series xy={coordinates(previous, max)} previous />
      <Series xy={coordinates(current, max)} />
    </svg>
  );
}

/**
 * @module Report figures as people read them: rates as percentages, lead times as the largest
 * sensible unit, in the browser's language.
 */
const percentFormat = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });

/** `0.125` → `12.5%`; `null` (nothing to divide) → `—`. */
export const percent = (rate: number | null) => (rate === null ? '—' : percentFormat.format(rate));

/** Minutes as `45 min`, `5.5 h` or `3.2 d`. */
export function shortDuration(minutes: number): string {
  const one = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
  if (minutes < 60) return `${one.format(minutes)} min`;
  if (minutes < 1440) return `${one.format(minutes / 60)} h`;
  return `${one.format(minutes / 1440)} d`;
}

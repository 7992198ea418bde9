/**
 * @module CSV of a chart's table (RFC 4180: quoted where needed, CRLF), downloaded as a file made in
 * the page: a Blob URL on a temporary link, so nothing goes back to the server and the CSP (no
 * inline script, no `data:` navigation) is not involved.
 */
export type Cell = string | number;

const quote = (cell: Cell) => {
  const text = String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** The rows, header first, as CSV text. */
export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return `${rows.map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;
}

/** Saves `rows` as `name` (e.g. `bookings-2026-03-01-2026-03-31.csv`). */
export function downloadCsv(name: string, rows: readonly (readonly Cell[])[]): void {
  const url = URL.createObjectURL(new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

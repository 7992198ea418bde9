/**
 * @module A small RFC 4180 CSV reader: comma separated, fields quoted with `"` (a `""` inside is
 * one quote) may hold commas and line breaks, CRLF or LF line ends, a UTF-8 BOM is skipped; a quote
 * inside an unquoted field is plain text (spreadsheets write `26" tube` that way). Written
 * here rather than added as a dependency: it is forty lines, and import errors must name the line.
 */

export interface CsvRecord {
  /** 1-based line where the record starts (the header is line 1). */
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  override readonly name = 'CsvSyntaxError';
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
  }
}

/** Splits CSV text into records. Blank lines are skipped. Throws `CsvSyntaxError` on a bad quote. */
export function parseCsv(text: string): CsvRecord[] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  while (i < input.length) {
    const ch = input[i]!;
    if (ch === '"' && field === '') {
      // A quoted field: read to the closing quote.
      const start = line;
      i++;
      for (;;) {
        if (i >= input.length) throw new CsvSyntaxError('a quoted field is never closed', start);
        const c = input[i]!;
        if (c === '"') {
          if (input[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n') line++;
        field += c;
        i++;
      }
      const next = input[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        throw new CsvSyntaxError('unexpected text after a closing quote', line);
      }
      continue;
    }
    if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      // A quote inside an unquoted field (`26" tube`) is kept as text, as spreadsheets write it.
      field += ch;
    }
    i++;
  }
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

/** Header names normalised: `Low Stock Threshold`, `low_stock_threshold` → `lowstockthreshold`. */
export function normaliseHeader(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

/** Records as objects keyed by normalised header; `extra` lists fields beyond the header. */
export function withHeader(records: CsvRecord[]): {
  columns: string[];
  rows: { line: number; values: Record<string, string>; extra: boolean }[];
} {
  const [header, ...body] = records;
  const columns = (header?.fields ?? []).map(normaliseHeader);
  return {
    columns,
    rows: body.map((record) => {
      const values: Record<string, string> = {};
      columns.forEach((column, i) => {
        values[column] = (record.fields[i] ?? '').trim();
      });
      return { line: record.line, values, extra: record.fields.length > columns.length };
    }),
  };
}

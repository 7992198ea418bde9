/**
 * @module Reading CSV records from streamed text with `csv-parse`: comma separated, fields quoted
 * with `"` (a `""` inside is one quote) may hold commas and line breaks, CRLF, LF or CR line ends,
 * blank lines skipped; a quote inside an unquoted field is plain text (spreadsheets write
 * `26" tube` that way). A record — every field of a row, line breaks in quotes included — may hold
 * at most `maxRowBytes`, so an unclosed quote stops the read instead of taking the rest of the file
 * into memory. Each record carries the line it starts on, for the messages.
 */
import { CsvError, Parser } from 'csv-parse';
import { ImportFileError } from './file-error.js';

export interface CsvRecord {
  /** 1-based line where the record starts (the header is line 1). */
  line: number;
  fields: string[];
}

/** The most text one row may hold, all fields together. */
export const maxRowBytes = 1024 * 1024;

/**
 * csv-parse's stream parser, numbering each record with the line it starts on as it is parsed:
 * after the previous record and the blank lines skipped since, spanning the line breaks in its
 * fields (the only ones a record can hold). Counted here because csv-parse counts a CRLF inside
 * quotes as two lines, and asking it for per-record `info` made a 100 MB file parse 4x slower.
 * Records are collected per written chunk rather than read one by one from the stream (an await
 * per record per generator layer added about a third). This leans on `Parser` handing each record
 * to `push`, as a Transform does; the tests beside this file fail if that ever changes.
 */
class NumberingParser extends Parser {
  private lastLine = 0;
  private blankLines = 0;
  private parsed: CsvRecord[] = [];

  /** The line the record being parsed starts on. */
  nextLine(): number {
    return this.lastLine + 1 + this.info.empty_lines - this.blankLines;
  }

  override push(fields: string[] | null, encoding?: BufferEncoding): boolean {
    if (fields === null) return super.push(null, encoding);
    const line = this.nextLine();
    this.lastLine = line + fields.reduce((breaks, field) => breaks + lineBreaks(field), 0);
    this.blankLines = this.info.empty_lines;
    this.parsed.push({ line, fields });
    return true;
  }

  /** The records parsed since the last call. */
  takeParsed(): CsvRecord[] {
    const records = this.parsed;
    this.parsed = [];
    return records;
  }
}

/**
 * Splits streamed CSV text into records, yielded a chunk's worth at a time; throws
 * `ImportFileError` naming the line of a bad row.
 */
export async function* readCsv(
  text: AsyncIterable<string> | Iterable<string>,
  options: { maxRowBytes?: number } = {},
): AsyncGenerator<CsvRecord[]> {
  const limit = options.maxRowBytes ?? maxRowBytes;
  const parser = new NumberingParser({
    bom: true,
    max_record_size: limit,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
  });
  // A parse error reaches the callback of the write or end that hit it; the event is a duplicate.
  parser.on('error', () => {});
  const settled = (start: (done: (error?: Error | null) => void) => void) =>
    new Promise<void>((resolve, reject) => start((error) => (error ? reject(error) : resolve())));
  try {
    for await (const chunk of text) {
      await settled((done) => parser.write(chunk, done));
      const records = parser.takeParsed();
      if (records.length > 0) yield records;
    }
    await settled((done) => parser.end(done));
    const records = parser.takeParsed();
    if (records.length > 0) yield records;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = parser.nextLine();
    if (error.code === 'CSV_QUOTE_NOT_CLOSED')
      throw new ImportFileError('a quoted field is never closed', line);
    if (error.code === 'CSV_MAX_RECORD_SIZE')
      throw new ImportFileError(
        `the row is longer than ${limit.toLocaleString('en')} bytes, the most a row may hold ` +
          '(is a quote never closed?)',
        line,
      );
    throw new ImportFileError(error.message, line);
  } finally {
    parser.destroy();
  }
}

function lineBreaks(field: string): number {
  let breaks = 0;
  for (let i = 0; i < field.length; i++) {
    const code = field.charCodeAt(i);
    if (code === 0x0a || (code === 0x0d && field.charCodeAt(i + 1) !== 0x0a)) breaks++;
  }
  return breaks;
}

/** Header names normalised: `Low Stock Threshold`, `low_stock_threshold` → `lowstockthreshold`. */
export function normaliseHeader(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

export interface CsvRow {
  line: number;
  /** Values by normalised header name, trimmed; a missing trailing field is `''`. */
  values: Record<string, string>;
  /** The record has more fields than the header has columns. */
  extra: boolean;
}

/** One record as an object keyed by the header's normalised `columns`. */
export function toRow(columns: readonly string[], record: CsvRecord): CsvRow {
  const values: Record<string, string> = {};
  columns.forEach((column, i) => {
    values[column] = (record.fields[i] ?? '').trim();
  });
  return { line: record.line, values, extra: record.fields.length > columns.length };
}

/**
 * @module Importing a CSV file into one business: every row is validated on its own; bad rows are
 * reported with their line and kept out, good rows are written in batches, each batch in ONE write
 * transaction. A batch that fails as a whole is retried row by row, so one bad row never takes good
 * rows down with it and nothing is ever half-written. The file is read twice, streamed: once whole
 * by `checkFile` (so a file that cannot be used writes nothing), then a batch at a time to import —
 * memory stays bounded by a batch however large or hostile the file.
 */
import type { FieldError, ImportRejectedRow, ImportReport } from '@frontdesk/core';
import type { Database, Db } from '../db/open.js';
import { isApiError } from '../errors.js';
import { getBusinessRow } from '../services/business.js';
import { changeProduct, createProduct } from '../services/products.js';
import { applyAdjustments, findProduct } from '../services/stock.js';
import { type CsvRow, toRow } from './csv.js';
import type { ImportEncoding } from './decode.js';
import { adjustmentFromRow, type ImportKind, productFromRow } from './rows.js';
import { checkFile, type ImportSource, openerFor, recordsOf } from './source.js';

/** The report's shape is the wire contract's: the CLI prints it, the API answers it. */
export type { ImportReport } from '@frontdesk/core';

type RejectedRow = ImportRejectedRow;

export interface ImportOptions {
  businessId: string;
  /** Detected from the header when absent. */
  kind?: ImportKind;
  /** How the file's bytes are text; `utf-8` (the default) refuses anything else. */
  encoding?: ImportEncoding;
  now?: () => number;
  batchSize?: number;
  /** Called after each batch with rows handled so far (written or rejected) and the total. */
  onProgress?: (done: number, total: number) => void;
}

/** Rejected rows kept with their reasons; a file of a million bad rows should not fill memory. */
export const maxReportedRejections = 1000;

type Writer = (tx: Db) => Promise<void>;

export type { ImportSource } from './source.js';

export async function importCsv(
  database: Database,
  source: ImportSource,
  options: ImportOptions,
): Promise<ImportReport> {
  const now = options.now ?? Date.now;
  const { businessId } = options;
  const open = openerFor(source);
  const { columns, kind, total, fileId } = await checkFile(open, options);
  const business = await getBusinessRow(database.db, businessId);

  const writerFor = (row: CsvRow): { ok: true; write: Writer } | { ok: false; errors: FieldError[] } => {
    if (row.extra)
      return { ok: false, errors: [{ path: '', message: 'More fields than header columns', code: 'extra' }] };
    if (kind === 'products') {
      const parsed = productFromRow(row.values, business.currency);
      if (!parsed.ok) return parsed;
      const input = parsed.value;
      return {
        ok: true,
        write: async (tx) => {
          // Re-importing a catalogue updates what exists: the file is the source of truth.
          const existing = await findProduct(tx, businessId, input.sku);
          if (existing) {
            const { sku: _sku, ...fields } = input;
            await changeProduct(tx, existing, fields, now());
          } else await createProduct(tx, businessId, input, now());
        },
      };
    }
    const parsed = adjustmentFromRow(row.values, `import-${fileId}-${row.line}`);
    if (!parsed.ok) return parsed;
    return {
      ok: true,
      write: async (tx) => {
        await applyAdjustments(tx, businessId, [parsed.value], {
          now: now(),
          source: 'import',
          paths: 'single',
        });
      },
    };
  };

  const report: ImportReport = { kind, total, imported: 0, rejected: [], rejectedCount: 0 };
  const reject = (found: RejectedRow[]) => {
    found.sort((a, b) => a.line - b.line);
    report.rejectedCount += found.length;
    report.rejected.push(...found.slice(0, maxReportedRejections - report.rejected.length));
  };

  /** Writes one batch's good rows; answers the rows a domain rule refused (unknown SKU…). */
  const writeBatch = async (good: { line: number; write: Writer }[]): Promise<RejectedRow[]> => {
    try {
      await database.write(async (tx) => {
        for (const item of good) await item.write(tx);
      });
      report.imported += good.length;
      return [];
    } catch (error) {
      if (!isApiError(error)) throw error;
    }
    // Some row broke a domain rule: find it by writing one at a time.
    const refused: RejectedRow[] = [];
    for (const item of good) {
      try {
        await database.write(item.write);
        report.imported++;
      } catch (rowError) {
        if (!isApiError(rowError)) throw rowError;
        refused.push({
          line: item.line,
          errors: rowError.errors ?? [
            { path: '', message: rowError.detail ?? rowError.title, code: rowError.code },
          ],
        });
      }
    }
    return refused;
  };

  const batchSize = options.batchSize ?? 100;
  let done = 0;
  let batch: CsvRow[] = [];
  const flush = async () => {
    const good: { line: number; write: Writer }[] = [];
    const rejected: RejectedRow[] = [];
    for (const row of batch) {
      const result = writerFor(row);
      if (result.ok) good.push({ line: row.line, write: result.write });
      else rejected.push({ line: row.line, errors: result.errors });
    }
    if (good.length > 0) rejected.push(...(await writeBatch(good)));
    reject(rejected);
    done += batch.length;
    batch = [];
    options.onProgress?.(done, total);
  };

  options.onProgress?.(0, total);
  let header = true;
  for await (const chunk of recordsOf(open(), options.encoding)) {
    for (const record of chunk) {
      if (header) header = false;
      else batch.push(toRow(columns, record));
      if (batch.length >= batchSize) await flush();
    }
  }
  if (batch.length > 0) await flush();
  return report;
}

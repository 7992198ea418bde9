/**
 * @module Importing a CSV file into one business: every row is validated on its own; bad rows are
 * reported with their line and kept out, good rows are written in batches, each batch in ONE write
 * transaction. A batch that fails as a whole is retried row by row, so one bad row never takes good
 * rows down with it and nothing is ever half-written.
 */
import type { FieldError } from '@frontdesk/core';
import type { Database, Db } from '../db/open.js';
import { isApiError } from '../errors.js';
import { sha256 } from '../ids.js';
import { getBusinessRow } from '../services/business.js';
import { createProduct, updateProduct } from '../services/products.js';
import { applyAdjustments, findProduct } from '../services/stock.js';
import { parseCsv, withHeader } from './csv.js';
import { adjustmentFromRow, detectKind, type ImportKind, productFromRow, requiredColumns } from './rows.js';

export interface RejectedRow {
  line: number;
  errors: FieldError[];
}

export interface ImportReport {
  kind: ImportKind;
  /** Data rows in the file (the header excluded). */
  total: number;
  imported: number;
  rejected: RejectedRow[];
}

export interface ImportOptions {
  businessId: string;
  /** Detected from the header when absent. */
  kind?: ImportKind;
  now?: () => number;
  batchSize?: number;
  /** Called after each batch with rows handled so far (written or rejected) and the total. */
  onProgress?: (done: number, total: number) => void;
}

/** Whole-file problems (bad CSV, unknown kind, missing columns): nothing is written. */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
}

type Writer = (tx: Db) => Promise<void>;

export async function importCsv(
  database: Database,
  text: string,
  options: ImportOptions,
): Promise<ImportReport> {
  const now = options.now ?? Date.now;
  const { businessId } = options;
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(text);
  } catch (error) {
    throw new ImportFileError(error instanceof Error ? error.message : String(error));
  }
  const { columns, rows } = withHeader(records);
  const kind = options.kind ?? detectKind(columns);
  if (!kind)
    throw new ImportFileError('Cannot tell products from stock: give --kind, or a name / location column');
  const missing = requiredColumns[kind].filter((c) => !columns.includes(c));
  if (kind === 'stock' && !columns.includes('quantity') && !columns.includes('delta'))
    missing.push('quantity or delta');
  if (missing.length > 0) throw new ImportFileError(`Missing column(s): ${missing.join(', ')}`);

  const business = await getBusinessRow(database.db, businessId);
  const fileId = sha256(text).slice(0, 16);
  const rejected: RejectedRow[] = [];
  const good: { line: number; write: Writer }[] = [];
  for (const row of rows) {
    if (row.extra) {
      rejected.push({
        line: row.line,
        errors: [{ path: '', message: 'More fields than header columns', code: 'extra' }],
      });
      continue;
    }
    if (kind === 'products') {
      const parsed = productFromRow(row.values, business.currency);
      if (!parsed.ok) rejected.push({ line: row.line, errors: parsed.errors });
      else
        good.push({
          line: row.line,
          write: async (tx) => {
            const input = parsed.value;
            // Re-importing a catalogue updates what exists: the file is the source of truth.
            if (await findProduct(tx, businessId, input.sku)) {
              const { sku, ...fields } = input;
              await updateProduct(tx, businessId, sku, fields, now());
            } else await createProduct(tx, businessId, input, now());
          },
        });
    } else {
      const parsed = adjustmentFromRow(row.values, `import-${fileId}-${row.line}`);
      if (!parsed.ok) rejected.push({ line: row.line, errors: parsed.errors });
      else
        good.push({
          line: row.line,
          write: async (tx) => {
            await applyAdjustments(tx, businessId, [parsed.value], {
              now: now(),
              source: 'import',
              paths: 'single',
            });
          },
        });
    }
  }

  const total = rows.length;
  let done = rejected.length;
  let imported = 0;
  const batchSize = options.batchSize ?? 100;
  options.onProgress?.(done, total);
  for (let start = 0; start < good.length; start += batchSize) {
    const batch = good.slice(start, start + batchSize);
    try {
      await database.write(async (tx) => {
        for (const item of batch) await item.write(tx);
      });
      imported += batch.length;
    } catch (error) {
      if (!isApiError(error)) throw error;
      // Some row broke a domain rule (unknown SKU or location…): find it by writing one at a time.
      for (const item of batch) {
        try {
          await database.write(item.write);
          imported++;
        } catch (rowError) {
          if (!isApiError(rowError)) throw rowError;
          rejected.push({
            line: item.line,
            errors: rowError.errors ?? [
              { path: '', message: rowError.detail ?? rowError.title, code: rowError.code },
            ],
          });
        }
      }
    }
    done += batch.length;
    options.onProgress?.(done, total);
  }
  rejected.sort((a, b) => a.line - b.line);
  return { kind, total, imported, rejected };
}

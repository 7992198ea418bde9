/**
 * @module CSV import on the wire: `POST /v1/stock/imports` takes the file's bytes as the body and
 * answers newline-delimited JSON — a `progress` line after each batch, then one `report` line (or an
 * `error` line if the server failed part-way; rows written before it stay written, batch by batch).
 * The rules are the CLI's (`frontdesk import`), in `docs/stock.md`.
 */
import * as z from 'zod/mini';
import { FieldError } from './problem.js';

/** What a file holds: the product catalogue, or stock counts/changes per location. */
export const ImportKind = z.enum(['products', 'stock']);
export type ImportKind = z.infer<typeof ImportKind>;

/** Encodings a file may be read as (Latin-1 names are read as its superset Windows-1252). */
export const ImportEncodingName = z.enum(['utf-8', 'utf8', 'windows-1252', 'cp1252', 'latin1', 'iso-8859-1']);
export type ImportEncodingName = z.infer<typeof ImportEncodingName>;

/** The query of `POST /v1/stock/imports`: the kind (else detected from the header) and encoding. */
export const StockImportQuery = z.object({
  kind: z.optional(ImportKind),
  encoding: z.optional(ImportEncodingName),
});
export type StockImportQuery = z.infer<typeof StockImportQuery>;

/** A row left out, with its 1-based line in the file and why. */
export const ImportRejectedRow = z.object({
  line: z.int(),
  errors: z.array(FieldError),
});
export type ImportRejectedRow = z.infer<typeof ImportRejectedRow>;

/** What an import did. */
export const ImportReport = z.object({
  kind: ImportKind,
  /** Data rows in the file (the header excluded). */
  total: z.int(),
  imported: z.int(),
  /** The first 1,000 rejected rows, in line order. */
  rejected: z.array(ImportRejectedRow),
  /** All rejected rows, including those beyond `rejected`. */
  rejectedCount: z.int(),
});
export type ImportReport = z.infer<typeof ImportReport>;

/** One line of the answer of `POST /v1/stock/imports`. */
export const ImportProgressLine = z.union([
  /** Rows handled so far (written or rejected), after each batch; the first has `done: 0`. */
  z.object({ type: z.literal('progress'), done: z.int(), total: z.int() }),
  /** The last line of an import that ran to the end. */
  z.object({ type: z.literal('report'), report: ImportReport }),
  /** The last line when the server failed part-way; batches before it stay written. */
  z.object({ type: z.literal('error'), detail: z.string() }),
]);
export type ImportProgressLine = z.infer<typeof ImportProgressLine>;

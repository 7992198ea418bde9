/**
 * @module The import file as a source that can be read twice, streamed: bytes → text (`decode.ts`)
 * → records (`csv.ts`). `checkFile` is the first read: the whole file once, for its encoding, syntax,
 * size limits and header, its row count (for the progress bar) and a hash of its bytes (for stable
 * event ids) — before anything is written.
 */
import { createHash } from 'node:crypto';
import { type CsvRecord, normaliseHeader, readCsv } from './csv.js';
import { decodeText, type ImportEncoding } from './decode.js';
import { ImportFileError } from './file-error.js';
import { detectKind, type ImportKind, requiredColumns } from './rows.js';

/** The file's bytes: text or bytes in memory, or a function that opens a fresh stream of them. */
export type ImportSource = string | Uint8Array | (() => AsyncIterable<Uint8Array>);

/** Opens the source afresh for each pass. */
export const openerFor = (source: ImportSource): (() => AsyncIterable<Uint8Array> | Iterable<Uint8Array>) =>
  typeof source === 'function'
    ? source
    : () => [typeof source === 'string' ? new TextEncoder().encode(source) : source];

/** The file's records, a chunk's worth at a time. */
export const recordsOf = (
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  encoding: ImportEncoding | undefined,
): AsyncGenerator<CsvRecord[]> => readCsv(decodeText(chunks, encoding ? { encoding } : {}));

/** The first pass: reads the whole file once, so a bad file is refused before anything is written. */
export async function checkFile(
  open: () => AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: { kind?: ImportKind; encoding?: ImportEncoding },
) {
  const hash = createHash('sha256');
  async function* hashed() {
    for await (const chunk of open()) {
      hash.update(chunk);
      yield chunk;
    }
  }
  let columns: string[] | undefined;
  let total = 0;
  for await (const chunk of recordsOf(hashed(), options.encoding)) {
    columns ??= chunk[0]?.fields.map(normaliseHeader);
    total += chunk.length;
  }
  if (columns) total--; // the header
  columns ??= [];
  const kind = options.kind ?? detectKind(columns);
  if (!kind)
    throw new ImportFileError(
      'Cannot tell products from stock: give the kind (--kind, or kind= in the API), or a name / location column',
    );
  const missing = requiredColumns[kind].filter((c) => !columns.includes(c));
  if (kind === 'stock' && !columns.includes('quantity') && !columns.includes('delta'))
    missing.push('quantity or delta');
  if (missing.length > 0) throw new ImportFileError(`Missing column(s): ${missing.join(', ')}`);
  // The same bytes give the same id, so stock rows without an event_id replay on a re-run.
  return { columns, kind, total, fileId: hash.digest('hex').slice(0, 16) };
}

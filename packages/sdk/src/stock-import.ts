/**
 * @module Importing a CSV file through the API (`POST /v1/stock/imports`): sends the file as it is
 * and reads the newline-delimited answer as it arrives — `onProgress` after each batch, then the
 * report. A file that cannot be used is refused whole (a `ValidationError`, nothing written).
 */
import type * as core from '@frontdesk/core';
import { FrontdeskError } from './errors/frontdesk-error.js';
import type { Transport } from './http/transport.js';
import type { Output } from './types.js';

/** What an import did. @example `const { imported, rejected }: ImportReport = await client.stock.import(file);` */
export type ImportReport = Output<typeof core.ImportReport>;
/** One line of the import's answer. @example `const line: ImportProgressLine = { type: 'progress', done: 100, total: 250 };` */
export type ImportProgressLine = Output<typeof core.ImportProgressLine>;

/**
 * Settings of `client.stock.import`.
 *
 * @example
 * ```ts
 * const options: ImportOptions = { kind: 'stock', onProgress: (done, total) => bar.update(done / total) };
 * ```
 */
export interface ImportOptions {
  /** `products` or `stock`; detected from the header when absent. */
  kind?: Output<typeof core.ImportKind>;
  /** How the file's bytes are text; `utf-8` (the default) refuses anything else. */
  encoding?: Output<typeof core.ImportEncodingName>;
  /** Called after each batch with the rows handled so far (written or rejected) and the total. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export async function importFile(
  t: Transport,
  file: Blob | Uint8Array | string,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const response = await t.request<Response>({
    method: 'POST',
    path: 'stock/imports',
    query: { kind: options.kind, encoding: options.encoding },
    upload: { body: file, contentType: 'text/csv' },
    signal: options.signal,
    read: 'response',
  });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const requestId = response.headers.get('x-request-id') ?? undefined;
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (value !== undefined) buffer += value;
    const lines = buffer.split('\n');
    buffer = done ? '' : (lines.pop() ?? '');
    for (const text of lines) {
      if (text.trim() === '') continue;
      const line = JSON.parse(text) as ImportProgressLine;
      if (line.type === 'progress') options.onProgress?.(line.done, line.total);
      else if (line.type === 'report') return line.report;
      else
        throw new FrontdeskError(line.detail, { status: response.status, code: 'import_failed', requestId });
    }
    if (done) break;
  }
  throw new FrontdeskError('The import answer ended before its report', {
    status: response.status,
    code: 'import_failed',
    requestId,
  });
}

/**
 * @module `frontdesk import FILE --business ID [--kind products|stock] [--encoding NAME]`: streams
 * the CSV (UTF-8 unless `--encoding windows-1252` says otherwise), shows a progress bar on stderr,
 * prints each rejected row with its line and reasons, and a summary on stdout. Exit code 0 when
 * every row was imported, 1 when some were rejected (the good ones are kept), 2 for usage or
 * whole-file errors (nothing written).
 */
import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Database } from '../db/open.js';
import { isApiError } from '../errors.js';
import { getBusinessRow } from '../services/business.js';
import { encodingChoices, importEncoding } from './decode.js';
import { ImportFileError } from './file-error.js';
import { type ImportReport, importCsv } from './run.js';

const importUsage =
  '  frontdesk import FILE --business ID [--kind products|stock] [--encoding utf-8|windows-1252]';

export interface ImportIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

/** A one-line bar redrawn in place on a terminal; plain lines every 10% when piped to a log. */
function progressPrinter(io: ImportIo) {
  let lastTenth = -1;
  return (done: number, total: number) => {
    const ratio = total === 0 ? 1 : done / total;
    if (io.stderr.isTTY) {
      const width = 30;
      const filled = Math.round(ratio * width);
      io.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} rows`);
      if (done === total) io.stderr.write('\n');
    } else if (Math.floor(ratio * 10) > lastTenth) {
      lastTenth = Math.floor(ratio * 10);
      io.stderr.write(`import: ${done}/${total} rows (${Math.round(ratio * 100)}%)\n`);
    }
  };
}

function printReport(io: ImportIo, file: string, report: ImportReport): void {
  for (const row of report.rejected) {
    const reasons = row.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ');
    io.stderr.write(`${file}:${row.line}: rejected — ${reasons}\n`);
  }
  const unlisted = report.rejectedCount - report.rejected.length;
  if (unlisted > 0) io.stderr.write(`${file}: … and ${unlisted} more rejected rows\n`);
  io.stdout.write(
    `Imported ${report.imported} of ${report.total} ${report.kind} rows from ${file}` +
      (report.rejectedCount > 0 ? `; ${report.rejectedCount} rejected (see above)\n` : '\n'),
  );
}

/** Runs the command; answers the exit code. */
export async function runImportCommand(
  args: string[],
  database: Database,
  io: ImportIo = process,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { business: { type: 'string' }, kind: { type: 'string' }, encoding: { type: 'string' } },
  });
  const file = positionals[0];
  const kind = values.kind;
  const encoding = values.encoding === undefined ? 'utf-8' : importEncoding(values.encoding);
  if (!file || !values.business || (kind !== undefined && kind !== 'products' && kind !== 'stock')) {
    io.stderr.write(`frontdesk: usage:\n${importUsage}\n`);
    return 2;
  }
  if (!encoding) {
    io.stderr.write(`frontdesk: unknown --encoding ${values.encoding}; use one of ${encodingChoices}\n`);
    return 2;
  }
  try {
    await getBusinessRow(database.db, values.business);
    const report = await importCsv(database, () => createReadStream(file), {
      businessId: values.business,
      ...(kind ? { kind } : {}),
      encoding,
      onProgress: progressPrinter(io),
    });
    printReport(io, file, report);
    return report.rejectedCount > 0 ? 1 : 0;
  } catch (error) {
    if (
      error instanceof ImportFileError ||
      isApiError(error) ||
      (error as NodeJS.ErrnoException).code === 'ENOENT'
    ) {
      const message =
        isApiError(error) && error.code === 'not_found'
          ? `No business ${values.business}`
          : (error as Error).message;
      io.stderr.write(`frontdesk: ${file}: ${message}; nothing was imported\n`);
      return 2;
    }
    throw error;
  }
}

/**
 * @module `POST /v1/stock/imports`: the console's (and any integrator's) CSV import, by the same
 * rules and code as `frontdesk import`. The file is the body (up to `maxImportBytes`); the whole file
 * is checked first, so a file that cannot be used is a 422 and writes nothing. Then the answer
 * streams newline-delimited JSON: a `progress` line after each batch of 100 rows (each batch one
 * transaction), then the `report` with every rejected row's line and reasons. Owners import either
 * kind; staff import stock counts only (changing products is for owners).
 */
import { type ImportProgressLine, StockImportQuery } from '@frontdesk/core';
import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import type { AppEnv } from '../env.js';
import { forbidden, validationFailed } from '../errors.js';
import { importEncoding } from '../import/decode.js';
import { ImportFileError } from '../import/file-error.js';
import { importCsv } from '../import/run.js';
import { readQuery } from '../middleware/validate.js';
import { content, problem } from '../openapi/answers.js';
import { route } from '../openapi/route.js';
import { scope } from './kit.js';

/** The largest file the API takes (the CLI has no limit: it streams from disk). */
export const maxImportBytes = 16 * 1024 * 1024;

export const importPath = '/v1/stock/imports';

export function stockImportRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post(
    '/stock/imports',
    route({
      summary: 'Import products or stock from a CSV file',
      description:
        'The file is the body (at most 16 MiB; UTF-8 unless `encoding` says otherwise); `kind` is ' +
        'detected from the header when absent. The rules are those of `frontdesk import`: bad rows ' +
        'are left out with their line and reasons, good rows are written in batches of 100, each ' +
        'in one transaction; an existing SKU is updated; stock rows without an `event_id` get one ' +
        'from the file and the line, so importing the same file again changes nothing. A file that ' +
        'cannot be used (encoding, missing columns, a line over 1 MiB) is a 422 and writes nothing. ' +
        'The answer is newline-delimited JSON (`ImportProgressLine`): `progress` lines, then the ' +
        '`report`. Staff sessions may import stock only.',
      tag: 'Stock',
      auth: 'secret',
      query: StockImportQuery,
      upload: {
        contentTypes: ['text/csv', 'text/plain', 'application/octet-stream'],
        description: 'The CSV file',
      },
      responses: {
        200: content('application/x-ndjson', 'Progress lines, then the report (one JSON object per line)'),
        403: problem({ forbidden: 'A staff session asked to import products.' }),
        422: problem({ validation_failed: 'The file cannot be used; nothing was imported.' }),
      },
    }),
    async (c) => {
      const query = readQuery(c, StockImportQuery);
      const kind = query.kind;
      const encoding = query.encoding === undefined ? undefined : importEncoding(query.encoding);
      const { database, businessId, auth } = scope(c);
      const staff = auth.user?.role === 'staff';
      if (staff && kind === 'products') {
        throw forbidden('Changing products is for owners; staff may import stock (kind=stock)');
      }
      const bytes = new Uint8Array(await c.req.arrayBuffer());

      // Lines wait here until the answer's stream takes them; `wake` tells it there are more.
      const lines: ImportProgressLine[] = [];
      let wake: () => void = () => undefined;
      let started: () => void = () => undefined;
      const checked = new Promise<void>((resolve) => (started = resolve));
      const push = (line: ImportProgressLine) => {
        lines.push(line);
        wake();
      };
      const running = importCsv(database, bytes, {
        businessId,
        ...(staff ? { kind: 'stock' as const } : kind ? { kind } : {}),
        ...(encoding ? { encoding } : {}),
        now: c.var.deps.clock,
        onProgress: (done, total) => {
          push({ type: 'progress', done, total });
          started();
        },
      });
      try {
        // The first progress line comes once the whole file has been checked.
        await Promise.race([checked, running]);
      } catch (error) {
        if (error instanceof ImportFileError) {
          const message = `${error.message}; nothing was imported`;
          throw validationFailed([{ path: 'file', message, code: 'invalid_file' }], message);
        }
        throw error;
      }
      let finished = false;
      running.then(
        (report) => push({ type: 'report', report }),
        (error: unknown) => {
          c.var.deps.logger.error('import failed part-way', { businessId, error: String(error) });
          push({ type: 'error', detail: 'The import stopped part-way: rows before this line were imported' });
        },
      );
      c.header('Content-Type', 'application/x-ndjson; charset=utf-8');
      c.header('Cache-Control', 'no-store');
      return stream(c, async (out) => {
        while (!finished) {
          if (lines.length === 0) await new Promise<void>((resolve) => (wake = resolve));
          for (const line of lines.splice(0)) {
            if (line.type !== 'progress') finished = true;
            // A reader that went away does not stop the import: it runs to its end regardless.
            if (!out.aborted) await out.write(`${JSON.stringify(line)}\n`);
          }
        }
      });
    },
  );

  return app;
}

/**
 * @module CSV import from the browser (owners: products or stock; staff: stock): the file goes to
 * `POST /v1/stock/imports` as it is — the rules are those of `frontdesk import` — and the screen
 * shows the rows handled as each batch is written, then what was imported and every row left out
 * with its line, column and reason. A file that cannot be used is refused whole, saying why.
 */
import type { ImportOptions, ImportReport } from '@frontdesk/sdk/console';
import { useSignal } from '@preact/signals';
import { useId } from 'preact/hooks';
import { desk } from '../api.js';
import { Choice } from '../components/Field.js';
import { Heading } from '../components/Heading.js';
import { ListTable } from '../components/ListTable.js';
import { DoneNote, ErrorNote } from '../components/Notice.js';
import { describeError } from '../errors.js';
import { t } from '../i18n/index.js';
import { isOwner } from '../state/session.js';
import { StockNav } from '../stock/StockNav.js';

type Kind = 'detect' | 'products' | 'stock';
type Encoding = NonNullable<ImportOptions['encoding']>;

function Rejected({ report }: { report: ImportReport }) {
  if (report.rejectedCount === 0) return null;
  const unlisted = report.rejectedCount - report.rejected.length;
  return (
    <section aria-labelledby="rejected-title">
      <h2 id="rejected-title">{t.stock.rejectedTitle(report.rejectedCount)}</h2>
      <ListTable columns={[{ label: t.stock.line, numeric: true }, t.stock.field, t.stock.why]}>
        {report.rejected.flatMap((row) =>
          row.errors.map((error, i) => (
            <tr key={`${row.line} ${i}`}>
              <th scope="row" class="number">
                {row.line}
              </th>
              <td>{error.path}</td>
              <td>{error.message}</td>
            </tr>
          )),
        )}
      </ListTable>
      {unlisted > 0 && <p>{t.stock.moreRejected(unlisted)}</p>}
    </section>
  );
}

export default function StockImport() {
  const fileId = useId();
  const file = useSignal<File | null>(null);
  const kind = useSignal<Kind>(isOwner.value ? 'detect' : 'stock');
  const encoding = useSignal<Encoding>('utf-8');
  const busy = useSignal(false);
  const progress = useSignal<{ done: number; total: number } | null>(null);
  const report = useSignal<ImportReport | null>(null);
  const problem = useSignal('');

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy.peek()) return;
    const chosen = file.peek();
    report.value = null;
    problem.value = '';
    if (!chosen) {
      problem.value = t.stock.chooseFile;
      return;
    }
    busy.value = true;
    progress.value = null;
    try {
      report.value = await desk.stock.import(chosen, {
        ...(kind.peek() === 'detect' ? {} : { kind: kind.peek() as 'products' | 'stock' }),
        encoding: encoding.peek(),
        onProgress: (done, total) => (progress.value = { done, total }),
      });
    } catch (failure) {
      // A file that cannot be used is a field error on `file`, saying why and on which line.
      const described = describeError(failure);
      problem.value = described.fields.file ?? described.message;
    } finally {
      busy.value = false;
    }
  };

  const done = report.value;
  const at = progress.value;
  return (
    <section>
      <Heading>{t.stock.importTitle}</Heading>
      <StockNav />
      <form class="card" onSubmit={submit} aria-describedby="import-lead">
        <p id="import-lead">{isOwner.value ? t.stock.importLead : t.stock.importStaffLead}</p>
        <div class="field">
          <label for={fileId}>{t.stock.file}</label>
          <input
            id={fileId}
            type="file"
            accept=".csv,text/csv,text/plain"
            onChange={(e) => (file.value = (e.currentTarget as HTMLInputElement).files?.[0] ?? null)}
          />
        </div>
        <div class="grid">
          {isOwner.value && (
            <Choice
              label={t.stock.importKind}
              value={kind.value}
              onValue={(value) => (kind.value = value as Kind)}
              options={(['detect', 'products', 'stock'] as const).map((value) => ({
                value,
                label: t.stock.importKinds[value]!,
              }))}
            />
          )}
          <Choice
            label={t.stock.encoding}
            value={encoding.value}
            onValue={(value) => (encoding.value = value as Encoding)}
            options={(['utf-8', 'windows-1252'] as const).map((value) => ({
              value,
              label: t.stock.encodings[value]!,
            }))}
          />
        </div>
        <button type="submit" class="primary" disabled={busy.value}>
          {busy.value ? t.stock.importing : t.stock.startImport}
        </button>
        <ErrorNote message={problem.value} />
      </form>
      {at && (
        <div class="import-progress">
          <progress max={Math.max(at.total, 1)} value={at.done} aria-label={t.stock.progressLabel} />
          <span>{t.stock.progress(at.done, at.total)}</span>
        </div>
      )}
      <DoneNote message={done ? t.stock.imported(done.imported, done.total, done.kind) : ''} />
      {done && <Rejected report={done} />}
    </section>
  );
}

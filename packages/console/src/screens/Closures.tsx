/**
 * @module Business closures: whole days when nobody takes bookings (holidays), added and removed.
 */

import type { Closure } from '@frontdesk/sdk/console';
import { useSignal } from '@preact/signals';
import { desk } from '../api.js';
import { Field } from '../components/Field.js';
import { Heading } from '../components/Heading.js';
import { Loadable } from '../components/Loadable.js';
import { ErrorNote } from '../components/Notice.js';
import { describeError } from '../errors.js';
import { formatDate, todayIn } from '../format.js';
import { t } from '../i18n/index.js';
import { useLoad } from '../state/load.js';
import { zone } from '../state/session.js';

export default function Closures() {
  const list = useLoad(() => desk.closures.list({ limit: 100 }), []);
  const today = todayIn(zone.value);
  const from = useSignal(today);
  const to = useSignal(today);
  const reason = useSignal('');
  const errors = useSignal<Record<string, string>>({});
  const error = useSignal('');
  const add = async (event: Event) => {
    event.preventDefault();
    errors.value = {};
    error.value = '';
    try {
      await desk.closures.create({ startDate: from.value, endDate: to.value, reason: reason.value });
      reason.value = '';
      await list.reload();
    } catch (failure) {
      const described = describeError(failure);
      errors.value = described.fields;
      error.value = described.message;
    }
  };
  const remove = async (closure: Closure) => {
    const state = list.state.value;
    if (state.status !== 'ready') return;
    const before = state.data;
    list.set({ ...before, data: before.data.filter((c) => c.id !== closure.id) });
    try {
      await desk.closures.delete(closure.id);
    } catch (failure) {
      list.set(before);
      error.value = describeError(failure).message;
    }
  };
  return (
    <section>
      <Heading>{t.closures.title}</Heading>
      <p>{t.closures.lead}</p>
      <Loadable loader={list}>
        {(page) =>
          page.data.length === 0 ? (
            <p>{t.closures.none}</p>
          ) : (
            <ul class="card">
              {page.data.map((c) => (
                <li key={c.id}>
                  {formatDate(c.startDate)}
                  {c.endDate !== c.startDate ? ` – ${formatDate(c.endDate)}` : ''}
                  {c.reason ? ` · ${c.reason}` : ''}{' '}
                  <button type="button" class="link danger" onClick={() => void remove(c)}>
                    {t.remove} <span class="sr-only">{formatDate(c.startDate)}</span>
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </Loadable>
      <form class="card" onSubmit={add} noValidate>
        <h2>{t.closures.add}</h2>
        <div class="grid">
          <Field
            label={t.closures.from}
            type="date"
            value={from.value}
            onValue={(v) => (from.value = v)}
            error={errors.value.startDate}
          />
          <Field
            label={t.closures.to}
            type="date"
            value={to.value}
            onValue={(v) => (to.value = v)}
            error={errors.value.endDate}
          />
          <Field
            label={t.closures.reason}
            value={reason.value}
            onValue={(v) => (reason.value = v)}
            error={errors.value.reason}
          />
        </div>
        <ErrorNote message={error.value} />
        <button type="submit" class="primary">
          {t.closures.add}
        </button>
      </form>
    </section>
  );
}

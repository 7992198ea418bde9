/**
 * @module Creating or editing a resource: name, kind, description, active, weekly hours (several
 * intervals a day); and for an existing one its special days (date overrides) and time off.
 */

import type { DateOverride, Resource, TimeOff, WeeklyHours } from '@frontdesk/sdk/console';
import { useSignal } from '@preact/signals';
import { desk } from '../api.js';
import { Check, Choice, Field, Group, TextArea } from '../components/Field.js';
import { Heading } from '../components/Heading.js';
import { HoursEditor, type Interval } from '../components/HoursEditor.js';
import { Loadable } from '../components/Loadable.js';
import { ErrorNote } from '../components/Notice.js';
import { describeError } from '../errors.js';
import { formatDate, formatDateTime, todayIn, wallToInstant } from '../format.js';
import { t } from '../i18n/index.js';
import { link, navigate } from '../router.js';
import { refreshCatalog } from '../state/catalog.js';
import { useLoad } from '../state/load.js';
import { zone } from '../state/session.js';

export function ResourceForm({
  resource,
  onSaved,
  submitLabel,
}: {
  resource: Resource | undefined;
  onSaved: (saved: Resource) => void;
  submitLabel?: string;
}) {
  const name = useSignal(resource?.name ?? '');
  const kind = useSignal<string>(resource?.kind ?? 'person');
  const description = useSignal(resource?.description ?? '');
  const active = useSignal(resource?.active ?? true);
  const hours = useSignal<WeeklyHours>(
    resource?.hours ?? {
      mon: [{ start: '09:00', end: '17:00' }],
      tue: [{ start: '09:00', end: '17:00' }],
      wed: [{ start: '09:00', end: '17:00' }],
      thu: [{ start: '09:00', end: '17:00' }],
      fri: [{ start: '09:00', end: '17:00' }],
    },
  );
  const errors = useSignal<Record<string, string>>({});
  const error = useSignal('');
  const busy = useSignal(false);
  const save = async (event: Event) => {
    event.preventDefault();
    busy.value = true;
    errors.value = {};
    error.value = '';
    const input = {
      name: name.value,
      kind: kind.value as Resource['kind'],
      description: description.value,
      active: active.value,
      hours: hours.value,
    };
    try {
      const saved = resource
        ? await desk.resources.update(resource.id, input)
        : await desk.resources.create(input);
      await refreshCatalog();
      onSaved(saved);
    } catch (failure) {
      const described = describeError(failure);
      errors.value = described.fields;
      error.value = described.message;
    } finally {
      busy.value = false;
    }
  };
  return (
    <form class="card" onSubmit={save} noValidate>
      <Field
        label={t.resources.name}
        value={name.value}
        onValue={(v) => (name.value = v)}
        error={errors.value.name}
        required
      />
      <Choice
        label={t.resources.kind}
        value={kind.value}
        onValue={(v) => (kind.value = v)}
        options={['person', 'room', 'equipment'].map((k) => ({ value: k, label: t.resources.kinds[k] ?? k }))}
      />
      <TextArea
        label={t.resources.description}
        value={description.value}
        onValue={(v) => (description.value = v)}
        error={errors.value.description}
      />
      <Check label={t.resources.active} checked={active.value} onChecked={(v) => (active.value = v)} />
      <Group legend={t.resources.hours} hint={t.resources.hoursHint}>
        <HoursEditor
          hours={hours.value}
          onChange={(h) => (hours.value = h)}
          errors={errors.value}
          prefix="hours."
        />
      </Group>
      <ErrorNote message={error.value} />
      <button type="submit" class="primary" disabled={busy.value}>
        {busy.value ? t.saving : (submitLabel ?? t.save)}
      </button>
    </form>
  );
}

function Overrides({ resourceId }: { resourceId: string }) {
  const tz = zone.value;
  const list = useLoad(() => desk.resources.overrides.list(resourceId, { limit: 100 }), [resourceId]);
  const date = useSignal(todayIn(tz));
  const closedAllDay = useSignal(true);
  const intervals = useSignal<Interval[]>([{ start: '10:00', end: '14:00' }]);
  const errors = useSignal<Record<string, string>>({});
  const error = useSignal('');
  const add = async (event: Event) => {
    event.preventDefault();
    errors.value = {};
    error.value = '';
    try {
      await desk.resources.overrides.create(resourceId, {
        date: date.value,
        intervals: closedAllDay.value ? [] : intervals.value,
      });
      await list.reload();
    } catch (failure) {
      const described = describeError(failure);
      errors.value = described.fields;
      error.value = described.message;
    }
  };
  const remove = async (override: DateOverride) => {
    try {
      await desk.resources.overrides.delete(resourceId, override.id);
      await list.reload();
    } catch (failure) {
      error.value = describeError(failure).message;
    }
  };
  return (
    <section class="card" aria-labelledby="overrides-title">
      <h2 id="overrides-title">{t.resources.overrides}</h2>
      <p class="hint">{t.resources.overridesHint}</p>
      <Loadable loader={list}>
        {(page) => (
          <ul>
            {page.data.map((o) => (
              <li key={o.id}>
                {formatDate(o.date)}:{' '}
                {o.intervals.length === 0
                  ? t.agenda.closed
                  : o.intervals.map((i) => `${i.start}–${i.end}`).join(', ')}{' '}
                <button type="button" class="link danger" onClick={() => void remove(o)}>
                  {t.remove} <span class="sr-only">{formatDate(o.date)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </Loadable>
      <form onSubmit={add} noValidate>
        <Field
          label={t.resources.date}
          type="date"
          value={date.value}
          onValue={(v) => (date.value = v)}
          error={errors.value.date}
        />
        <Check
          label={t.resources.closedAllDay}
          checked={closedAllDay.value}
          onChecked={(v) => (closedAllDay.value = v)}
        />
        {!closedAllDay.value &&
          intervals.value.map((iv, i) => (
            <div key={i} class="interval">
              <Field
                label={t.resources.from}
                type="time"
                value={iv.start}
                onValue={(v) =>
                  (intervals.value = intervals.value.map((x, j) => (j === i ? { ...x, start: v } : x)))
                }
              />
              <Field
                label={t.resources.until}
                type="time"
                value={iv.end}
                onValue={(v) =>
                  (intervals.value = intervals.value.map((x, j) => (j === i ? { ...x, end: v } : x)))
                }
                error={errors.value[`intervals.${i}.end`]}
              />
            </div>
          ))}
        <ErrorNote message={error.value} />
        <button type="submit">{t.resources.addOverride}</button>
      </form>
    </section>
  );
}

function TimeOffList({ resourceId }: { resourceId: string }) {
  const tz = zone.value;
  const list = useLoad(() => desk.resources.timeOff.list(resourceId, { limit: 100 }), [resourceId]);
  const today = todayIn(tz);
  const start = useSignal(`${today}T09:00`);
  const end = useSignal(`${today}T17:00`);
  const reason = useSignal('');
  const errors = useSignal<Record<string, string>>({});
  const error = useSignal('');
  const add = async (event: Event) => {
    event.preventDefault();
    errors.value = {};
    error.value = '';
    try {
      const [sd = '', st = ''] = start.value.split('T');
      const [ed = '', et = ''] = end.value.split('T');
      await desk.resources.timeOff.create(resourceId, {
        start: wallToInstant(sd, st.slice(0, 5), tz),
        end: wallToInstant(ed, et.slice(0, 5), tz),
        reason: reason.value,
      });
      reason.value = '';
      await list.reload();
    } catch (failure) {
      const described = describeError(failure);
      errors.value = described.fields;
      error.value = described.message;
    }
  };
  const remove = async (item: TimeOff) => {
    try {
      await desk.resources.timeOff.delete(resourceId, item.id);
      await list.reload();
    } catch (failure) {
      error.value = describeError(failure).message;
    }
  };
  return (
    <section class="card" aria-labelledby="timeoff-title">
      <h2 id="timeoff-title">{t.resources.timeOff}</h2>
      <Loadable loader={list}>
        {(page) => (
          <ul>
            {page.data.map((item) => (
              <li key={item.id}>
                {formatDateTime(item.start, tz)} – {formatDateTime(item.end, tz)}
                {item.reason ? ` · ${item.reason}` : ''}{' '}
                <button type="button" class="link danger" onClick={() => void remove(item)}>
                  {t.remove} <span class="sr-only">{formatDateTime(item.start, tz)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </Loadable>
      <form onSubmit={add} noValidate>
        <div class="grid">
          <Field
            label={t.resources.start}
            type="datetime-local"
            value={start.value}
            onValue={(v) => (start.value = v)}
            error={errors.value.start}
          />
          <Field
            label={t.resources.end}
            type="datetime-local"
            value={end.value}
            onValue={(v) => (end.value = v)}
            error={errors.value.end}
          />
          <Field
            label={t.resources.reason}
            value={reason.value}
            onValue={(v) => (reason.value = v)}
            error={errors.value.reason}
          />
        </div>
        <ErrorNote message={error.value} />
        <button type="submit">{t.resources.addTimeOff}</button>
      </form>
    </section>
  );
}

export default function ResourceEditor({ params }: { params: Record<string, string> }) {
  const id = params.id ?? 'new';
  const data = useLoad(async () => (id === 'new' ? undefined : desk.resources.get(id)), [id]);
  const error = useSignal('');
  const remove = async () => {
    try {
      await desk.resources.delete(id);
      await refreshCatalog();
      navigate('/resources');
    } catch (failure) {
      error.value = describeError(failure).message;
    }
  };
  return (
    <section>
      <Heading>{id === 'new' ? t.resources.add : t.edit}</Heading>
      <p>
        <a {...link('/resources')}>← {t.resources.title}</a>
      </p>
      <Loadable loader={data}>
        {(resource) => (
          <>
            <ResourceForm
              key={resource?.id ?? 'new'}
              resource={resource}
              onSaved={(saved) => navigate(`/resources/${saved.id}`, { replace: id === 'new' })}
            />
            {resource && (
              <>
                <Overrides resourceId={resource.id} />
                <TimeOffList resourceId={resource.id} />
                <div class="card">
                  <button type="button" class="danger" onClick={() => void remove()}>
                    {t.resources.delete}
                  </button>
                  <ErrorNote message={error.value} />
                </div>
              </>
            )}
          </>
        )}
      </Loadable>
    </section>
  );
}

/**
 * @module Creating or editing a service, every field of the contract: durations and buffers, start
 * interval, notice and horizon, capacity, price, confirmation, cut-offs, resources, questions,
 * active. Errors from the API appear under the field they are about.
 */

import type { Question, Resource, Service, ServiceInput } from '@frontdesk/sdk/console';
import { useSignal } from '@preact/signals';
import { desk } from '../api.js';
import { Check, Choice, Field, Group, TextArea } from '../components/Field.js';
import { Heading } from '../components/Heading.js';
import { Loadable } from '../components/Loadable.js';
import { ErrorNote } from '../components/Notice.js';
import { describeError } from '../errors.js';
import { currencyDigits } from '../format.js';
import { t } from '../i18n/index.js';
import { link, navigate } from '../router.js';
import { refreshCatalog } from '../state/catalog.js';
import { useLoad } from '../state/load.js';

/** The form's state: numbers as typed (strings), so a half-typed value never jumps. */
interface Draft {
  name: string;
  description: string;
  durationMinutes: string;
  bufferBeforeMinutes: string;
  bufferAfterMinutes: string;
  slotIntervalMinutes: string;
  minNoticeMinutes: string;
  horizonDays: string;
  capacity: string;
  price: string;
  requiresConfirmation: boolean;
  cancellationCutoffMinutes: string;
  rescheduleCutoffMinutes: string;
  resourceIds: string[];
  active: boolean;
  questions: (Question & { optionsText: string })[];
}

function draftOf(s: Service | undefined, resources: Resource[]): Draft {
  const n = (v: number | undefined, fallback: number) => String(v ?? fallback);
  return {
    name: s?.name ?? '',
    description: s?.description ?? '',
    durationMinutes: n(s?.durationMinutes, 30),
    bufferBeforeMinutes: n(s?.bufferBeforeMinutes, 0),
    bufferAfterMinutes: n(s?.bufferAfterMinutes, 0),
    slotIntervalMinutes: s ? String(s.slotIntervalMinutes) : '',
    minNoticeMinutes: n(s?.minNoticeMinutes, 60),
    horizonDays: n(s?.horizonDays, 60),
    capacity: n(s?.capacity, 1),
    price: s?.price ? String(s.price.amount / 10 ** currencyDigits(s.price.currency)) : '',
    requiresConfirmation: s?.requiresConfirmation ?? false,
    cancellationCutoffMinutes: n(s?.cancellationCutoffMinutes, 0),
    rescheduleCutoffMinutes: n(s?.rescheduleCutoffMinutes, 0),
    resourceIds: s?.resourceIds ?? resources.slice(0, 1).map((r) => r.id),
    active: s?.active ?? true,
    questions: (s?.questions ?? []).map((q) => ({ ...q, optionsText: (q.options ?? []).join('\n') })),
  };
}

/** The API's body. Numbers that do not parse go as NaN-free strings' best guess: the API judges. */
export function toInput(d: Draft, currency: string): ServiceInput {
  const int = (v: string) => (v.trim() === '' ? Number.NaN : Number(v));
  const price =
    d.price.trim() === ''
      ? null
      : { amount: Math.round(Number(d.price) * 10 ** currencyDigits(currency)), currency };
  return {
    name: d.name,
    description: d.description,
    durationMinutes: int(d.durationMinutes),
    bufferBeforeMinutes: int(d.bufferBeforeMinutes),
    bufferAfterMinutes: int(d.bufferAfterMinutes),
    ...(d.slotIntervalMinutes.trim() ? { slotIntervalMinutes: int(d.slotIntervalMinutes) } : {}),
    minNoticeMinutes: int(d.minNoticeMinutes),
    horizonDays: int(d.horizonDays),
    capacity: int(d.capacity),
    price,
    requiresConfirmation: d.requiresConfirmation,
    cancellationCutoffMinutes: int(d.cancellationCutoffMinutes),
    rescheduleCutoffMinutes: int(d.rescheduleCutoffMinutes),
    resourceIds: d.resourceIds,
    active: d.active,
    questions: d.questions.map(({ optionsText, ...q }) => ({
      ...q,
      ...(q.type === 'select'
        ? {
            options: optionsText
              .split('\n')
              .map((o) => o.trim())
              .filter(Boolean),
          }
        : { options: undefined }),
    })),
  };
}

export function ServiceForm({
  service,
  resources,
  currency,
  onSaved,
  submitLabel,
}: {
  service: Service | undefined;
  resources: Resource[];
  currency: string;
  onSaved: (saved: Service) => void;
  submitLabel?: string;
}) {
  const draft = useSignal<Draft>(draftOf(service, resources));
  const errors = useSignal<Record<string, string>>({});
  const error = useSignal('');
  const busy = useSignal(false);
  const d = draft.value;
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      (draft.value = { ...draft.value, [key]: value });
  const num = (key: keyof Draft, label: string, hint?: string) => (
    <Field
      label={label}
      type="number"
      inputMode="numeric"
      min={0}
      value={draft.value[key] as string}
      onValue={set(key) as (v: string) => void}
      error={errors.value[key]}
      hint={hint}
    />
  );
  const setQuestion = (i: number, change: Partial<Draft['questions'][number]>) =>
    set('questions')(d.questions.map((q, j) => (j === i ? { ...q, ...change } : q)));

  const save = async (event: Event) => {
    event.preventDefault();
    busy.value = true;
    errors.value = {};
    error.value = '';
    try {
      const input = toInput(draft.value, currency);
      const saved = service
        ? await desk.services.update(service.id, input)
        : await desk.services.create(input);
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
        label={t.services.name}
        value={d.name}
        onValue={set('name')}
        error={errors.value.name}
        required
      />
      <TextArea
        label={t.services.description}
        value={d.description}
        onValue={set('description')}
        error={errors.value.description}
      />
      <div class="grid">
        {num('durationMinutes', t.services.duration)}
        {num('slotIntervalMinutes', t.services.interval, t.services.intervalHint)}
        {num('bufferBeforeMinutes', t.services.bufferBefore)}
        {num('bufferAfterMinutes', t.services.bufferAfter)}
        {num('minNoticeMinutes', t.services.minNotice)}
        {num('horizonDays', t.services.horizon)}
        {num('capacity', t.services.capacity)}
        <Field
          label={`${t.services.price} (${currency})`}
          type="number"
          inputMode="decimal"
          min={0}
          step="any"
          value={d.price}
          onValue={set('price')}
          hint={t.services.priceHint}
          error={errors.value['price.amount'] ?? errors.value.price}
        />
        {num('cancellationCutoffMinutes', t.services.cancellationCutoff)}
        {num('rescheduleCutoffMinutes', t.services.rescheduleCutoff)}
      </div>
      <Check
        label={t.services.requiresConfirmation}
        checked={d.requiresConfirmation}
        onChecked={set('requiresConfirmation')}
      />
      <Check label={t.services.active} checked={d.active} onChecked={set('active')} />
      <Group legend={t.services.resources} hint={t.services.resourcesHint}>
        {resources.map((r) => (
          <Check
            key={r.id}
            label={r.name}
            checked={d.resourceIds.includes(r.id)}
            onChecked={(on) =>
              set('resourceIds')(on ? [...d.resourceIds, r.id] : d.resourceIds.filter((id) => id !== r.id))
            }
          />
        ))}
        {errors.value.resourceIds && <p class="error">{errors.value.resourceIds}</p>}
      </Group>
      <Group legend={t.services.questions}>
        {d.questions.map((q, i) => (
          <fieldset key={i} class="group question">
            <legend>{t.services.question(i + 1)}</legend>
            <Field
              label={t.services.questionLabel}
              value={q.label}
              onValue={(v) => setQuestion(i, { label: v })}
              error={errors.value[`questions.${i}.label`]}
            />
            <Field
              label={t.services.questionId}
              value={q.id}
              onValue={(v) => setQuestion(i, { id: v })}
              error={errors.value[`questions.${i}.id`]}
            />
            <Choice
              label={t.services.questionType}
              value={q.type}
              onValue={(v) => setQuestion(i, { type: v as Question['type'] })}
              options={['text', 'textarea', 'select', 'checkbox'].map((type) => ({
                value: type,
                label: t.services.questionTypes[type] ?? type,
              }))}
            />
            {q.type === 'select' && (
              <TextArea
                label={t.services.questionOptions}
                value={q.optionsText}
                onValue={(v) => setQuestion(i, { optionsText: v })}
                error={errors.value[`questions.${i}.options`]}
              />
            )}
            <Check
              label={t.services.questionRequired}
              checked={q.required}
              onChecked={(v) => setQuestion(i, { required: v })}
            />
            <button
              type="button"
              class="link danger"
              onClick={() => set('questions')(d.questions.filter((_, j) => j !== i))}
            >
              {t.services.removeQuestion(i + 1)}
            </button>
          </fieldset>
        ))}
        <button
          type="button"
          onClick={() =>
            set('questions')([
              ...d.questions,
              {
                id: `question-${d.questions.length + 1}`,
                label: '',
                type: 'text',
                required: false,
                optionsText: '',
              },
            ])
          }
        >
          {t.services.addQuestion}
        </button>
      </Group>
      <ErrorNote message={error.value} />
      <button type="submit" class="primary" disabled={busy.value}>
        {busy.value ? t.saving : (submitLabel ?? t.save)}
      </button>
    </form>
  );
}

export default function ServiceEditor({ params }: { params: Record<string, string> }) {
  const id = params.id ?? 'new';
  const data = useLoad(async () => {
    const [catalog, business] = await Promise.all([refreshCatalog(), desk.business.get()]);
    return { catalog, business, service: id === 'new' ? undefined : await desk.services.get(id) };
  }, [id]);
  const error = useSignal('');
  const remove = async () => {
    try {
      await desk.services.delete(id);
      await refreshCatalog();
      navigate('/services');
    } catch (failure) {
      error.value = describeError(failure).message;
    }
  };
  return (
    <section>
      <Heading>{id === 'new' ? t.services.create : t.services.edit}</Heading>
      <p>
        <a {...link('/services')}>← {t.services.title}</a>
      </p>
      <Loadable loader={data}>
        {({ catalog, business, service }) => (
          <>
            <ServiceForm
              service={service}
              resources={catalog.resources}
              currency={business.currency}
              onSaved={(saved) => navigate(`/services/${saved.id}`, { replace: id === 'new' })}
            />
            {service && (
              <div class="card">
                <button type="button" class="danger" onClick={() => void remove()}>
                  {t.services.delete}
                </button>
                <ErrorNote message={error.value} />
              </div>
            )}
          </>
        )}
      </Loadable>
    </section>
  );
}

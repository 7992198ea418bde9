/**
 * @module The customer's details and the service's questions, with the hold's countdown. Errors
 * (ours or the server's) sit on their fields, linked by `aria-describedby`; on a failed submit the
 * first wrong field takes focus.
 */
import type { Question } from '@frontdesk/core';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { BookingFlow } from '../state/booking-flow.js';
import { dateTime, minutesSeconds, zoneName } from '../state/format.js';
import { useEnv } from './env.js';
import { tracked } from './tracked.js';

export const DetailsForm = tracked(({ flow }: { flow: BookingFlow }) => {
  const { t, lang } = useEnv();
  const form = useRef<HTMLFormElement>(null);
  const errors = flow.fieldErrors.value;
  const values = flow.values.value;
  const service = flow.service.value;
  const slot = flow.slot.value;
  const busy = flow.submission.value.status === 'loading';

  useLayoutEffect(() => {
    if (Object.keys(errors).length) form.current?.querySelector<HTMLElement>('[aria-invalid=true]')?.focus();
  }, [errors]);

  if (!service || !slot) return null;
  const zone = flow.picker.zone.value;

  const field = (
    id: 'name' | 'email' | 'phone',
    label: string,
    type: string,
    autoComplete: string,
    required: boolean,
  ) => (
    <div class="field">
      <label for={`fd-${id}`}>{label}</label>
      <input
        id={`fd-${id}`}
        name={id}
        type={type}
        autoComplete={autoComplete}
        required={required}
        aria-invalid={errors[id] ? 'true' : 'false'}
        aria-describedby={errors[id] ? `fd-${id}-err` : undefined}
        value={values[id]}
        onInput={(e) => flow.setValue(id, e.currentTarget.value)}
      />
      {errors[id] ? (
        <p class="err" id={`fd-${id}-err`}>
          {errors[id]}
        </p>
      ) : null}
    </div>
  );

  return (
    <form
      ref={form}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void flow.submit();
      }}
    >
      <div class="field">
        <p>
          <strong>{service.name}</strong> — {dateTime(slot.start, lang, zone)} ({zoneName(zone)})
        </p>
        {flow.secondsLeft.value > 0 ? (
          <p class="muted">{t.holding(minutesSeconds(flow.secondsLeft.value))}</p>
        ) : null}
      </div>
      {field('name', t.name, 'text', 'name', true)}
      {field('email', t.email, 'email', 'email', true)}
      {field('phone', t.phone, 'tel', 'tel', false)}
      {service.questions.map((q) => (
        <QuestionField key={q.id} q={q} flow={flow} error={errors[`answers.${q.id}`]} />
      ))}
      <div class="row">
        <button type="submit" class="primary" aria-disabled={busy ? 'true' : 'false'}>
          {busy ? t.booking : t.book}
        </button>
        <button type="button" onClick={() => flow.backToTimes()}>
          {t.changeTime}
        </button>
      </div>
    </form>
  );
});

const QuestionField = tracked(
  ({ q, flow, error }: { q: Question; flow: BookingFlow; error: string | undefined }) => {
    const { t } = useEnv();
    const id = `fd-q-${q.id}`;
    const value = flow.values.value.answers[q.id];
    const common = {
      id,
      name: q.id,
      required: q.required,
      'aria-invalid': error ? ('true' as const) : ('false' as const),
      'aria-describedby': error ? `${id}-err` : undefined,
    };
    const label = q.required ? q.label : `${q.label} ${t.optional}`;
    const message = error ? (
      <p class="err" id={`${id}-err`}>
        {error}
      </p>
    ) : null;
    if (q.type === 'checkbox') {
      return (
        <div class="field">
          <div class="check">
            <input
              {...common}
              type="checkbox"
              checked={value === true}
              onChange={(e) => flow.setAnswer(q.id, e.currentTarget.checked)}
            />
            <label for={id}>{label}</label>
          </div>
          {message}
        </div>
      );
    }
    const text = typeof value === 'string' ? value : '';
    return (
      <div class="field">
        <label for={id}>{label}</label>
        {q.type === 'select' ? (
          <select {...common} value={text} onChange={(e) => flow.setAnswer(q.id, e.currentTarget.value)}>
            <option value="">{t.choose}</option>
            {(q.options ?? []).map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        ) : q.type === 'textarea' ? (
          <textarea {...common} value={text} onInput={(e) => flow.setAnswer(q.id, e.currentTarget.value)} />
        ) : (
          <input
            {...common}
            type="text"
            value={text}
            onInput={(e) => flow.setAnswer(q.id, e.currentTarget.value)}
          />
        )}
        {message}
      </div>
    );
  },
);

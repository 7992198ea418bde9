/**
 * @module The business's own fields (name, booking page slug, zone, locale, currency, hold minutes),
 * used by Settings and by the first step of the set-up.
 */

import type { Business, BusinessUpdate } from '@frontdesk/sdk/console';
import { useSignal } from '@preact/signals';
import { desk } from '../api.js';
import { describeError } from '../errors.js';
import { t } from '../i18n/index.js';
import { session } from '../state/session.js';
import { Field } from './Field.js';
import { DoneNote, ErrorNote } from './Notice.js';

const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

export function BusinessForm({
  business,
  onSaved,
  submitLabel,
}: {
  business: Business;
  onSaved?: (saved: Business) => void;
  submitLabel?: string;
}) {
  const draft = useSignal({
    name: business.name,
    slug: business.slug ?? '',
    timezone: business.timezone,
    locale: business.locale,
    currency: business.currency,
    holdMinutes: String(business.holdMinutes),
  });
  const errors = useSignal<Record<string, string>>({});
  const error = useSignal('');
  const done = useSignal('');
  const busy = useSignal(false);
  const set = (key: keyof typeof draft.value) => (value: string) =>
    (draft.value = { ...draft.value, [key]: value });
  const save = async (event: Event) => {
    event.preventDefault();
    busy.value = true;
    errors.value = {};
    error.value = '';
    done.value = '';
    const d = draft.value;
    const patch: BusinessUpdate = {
      name: d.name,
      timezone: d.timezone,
      locale: d.locale,
      currency: d.currency.toUpperCase(),
      holdMinutes: Number(d.holdMinutes),
      ...(d.slug ? { slug: d.slug } : {}),
    };
    try {
      const saved = await desk.business.update(patch);
      if (session.value) {
        session.value = {
          ...session.value,
          business: { id: saved.id, name: saved.name, timezone: saved.timezone },
        };
      }
      done.value = t.saved;
      onSaved?.(saved);
    } catch (failure) {
      const described = describeError(failure);
      errors.value = described.fields;
      error.value = described.message;
    } finally {
      busy.value = false;
    }
  };
  const d = draft.value;
  return (
    <form class="card" onSubmit={save} noValidate>
      <Field
        label={t.settings.name}
        value={d.name}
        onValue={set('name')}
        error={errors.value.name}
        required
      />
      <Field label={t.settings.slug} value={d.slug} onValue={set('slug')} error={errors.value.slug} />
      <Field
        label={t.settings.timezone}
        value={d.timezone}
        onValue={set('timezone')}
        error={errors.value.timezone}
        list="zones"
        autoComplete="off"
      />
      <datalist id="zones">
        {zones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <div class="grid">
        <Field
          label={t.settings.locale}
          value={d.locale}
          onValue={set('locale')}
          error={errors.value.locale}
        />
        <Field
          label={t.settings.currency}
          value={d.currency}
          onValue={set('currency')}
          error={errors.value.currency}
        />
        <Field
          label={t.settings.holdMinutes}
          type="number"
          min={1}
          max={60}
          value={d.holdMinutes}
          onValue={set('holdMinutes')}
          error={errors.value.holdMinutes}
        />
      </div>
      <ErrorNote message={error.value} />
      <DoneNote message={done.value} />
      <button type="submit" class="primary" disabled={busy.value}>
        {busy.value ? t.saving : (submitLabel ?? t.save)}
      </button>
    </form>
  );
}

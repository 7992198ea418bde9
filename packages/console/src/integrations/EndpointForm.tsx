/**
 * @module The form of a webhook endpoint, for a new one and for changing one: its URL, a
 * description, and which event types it gets — every type, or those ticked from the contract's
 * list (`webhookEventTypes`, grouped by family). The API's complaints show next to their field; a
 * failed save keeps everything typed.
 */
import { webhookEventTypes } from '@frontdesk/core';
import type { WebhookEndpoint } from '@frontdesk/sdk/console';
import { useSignal } from '@preact/signals';
import { Check, Field, Group } from '../components/Field.js';
import { ErrorNote } from '../components/Notice.js';
import { describeError } from '../errors.js';
import { t } from '../i18n/index.js';

export interface EndpointInput {
  url: string;
  description: string;
  events: string[];
}

interface Draft {
  url: string;
  description: string;
  /** Every event type (`*`), or only `events`. */
  all: boolean;
  events: string[];
}

/** The types an endpoint can subscribe to (`webhook.test` is only sent on request), by family. */
const families = (() => {
  const byFamily = new Map<string, string[]>();
  for (const type of webhookEventTypes) {
    if (type === 'webhook.test') continue;
    const family = type.slice(0, type.indexOf('.'));
    byFamily.set(family, [...(byFamily.get(family) ?? []), type]);
  }
  return [...byFamily];
})();

const draftOf = (endpoint?: WebhookEndpoint): Draft => ({
  url: endpoint?.url ?? '',
  description: endpoint?.description ?? '',
  all: !endpoint || endpoint.events.includes('*'),
  events: endpoint?.events.filter((e) => e !== '*') ?? [],
});

/** Field errors by the form's names (`events.3` is about the event types). */
function fold(fields: Record<string, string>): Record<string, string> {
  const folded: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) folded[path.split('.')[0]!] ??= message;
  return folded;
}

interface EndpointFormProps {
  title: string;
  submitLabel: string;
  /** The endpoint to change; none for a new one. */
  endpoint?: WebhookEndpoint;
  /** Saves; a rejection shows its words in the form. */
  save: (input: EndpointInput) => Promise<void>;
  onCancel?: () => void;
}

export function EndpointForm({ title, submitLabel, endpoint, save, onCancel }: EndpointFormProps) {
  const draft = useSignal<Draft>(draftOf(endpoint));
  const busy = useSignal(false);
  const problem = useSignal('');
  const fields = useSignal<Record<string, string>>({});
  const titleId = endpoint ? `endpoint-form-${endpoint.id}` : 'endpoint-form-new';

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy.peek()) return;
    const form = draft.peek();
    busy.value = true;
    problem.value = '';
    fields.value = {};
    try {
      await save({
        url: form.url.trim(),
        description: form.description.trim(),
        events: form.all ? ['*'] : form.events,
      });
    } catch (failure) {
      const described = describeError(failure);
      problem.value = described.message;
      fields.value = fold(described.fields);
    } finally {
      busy.value = false;
    }
  };
  const toggle = (type: string, on: boolean) => {
    const events = draft.value.events.filter((e) => e !== type);
    draft.value = { ...draft.value, events: on ? [...events, type] : events };
  };
  const value = draft.value;

  return (
    <form class="card" onSubmit={submit} aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      <div class="grid">
        <Field
          label={t.webhooks.url}
          hint={t.webhooks.urlHint}
          type="url"
          value={value.url}
          onValue={(url) => (draft.value = { ...draft.value, url })}
          required
          error={fields.value.url}
        />
        <Field
          label={t.webhooks.description}
          value={value.description}
          onValue={(description) => (draft.value = { ...draft.value, description })}
          maxLength={500}
          error={fields.value.description}
        />
      </div>
      <Group legend={t.webhooks.events}>
        <Check
          label={t.webhooks.allEvents}
          checked={value.all}
          onChecked={(all) => (draft.value = { ...draft.value, all })}
          error={value.all ? fields.value.events : undefined}
        />
        {!value.all && (
          <div class="event-types">
            {families.map(([family, types]) => (
              <fieldset key={family} class="group">
                <legend>{family}</legend>
                {types.map((type) => (
                  <Check
                    key={type}
                    label={type}
                    checked={value.events.includes(type)}
                    onChecked={(on) => toggle(type, on)}
                  />
                ))}
              </fieldset>
            ))}
            <ErrorNote message={fields.value.events} />
          </div>
        )}
      </Group>
      <button type="submit" class="primary" disabled={busy.value}>
        {busy.value ? t.saving : submitLabel}
      </button>{' '}
      {onCancel && (
        <button type="button" onClick={onCancel}>
          {t.cancel}
        </button>
      )}
      <ErrorNote message={problem.value} />
    </form>
  );
}

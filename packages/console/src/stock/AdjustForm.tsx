/**
 * @module The adjust form: a count (on hand is set) or a change (units added or removed), with a
 * reason, sent as ONE `POST /v1/stock/adjustments`. The event id is made once per submitted form:
 * the button is disabled while the call is in flight, and a retry of the same form after a failure
 * (a lost answer) sends the same id again, so the API counts it once whatever happens.
 */
import type { StockAdjustment } from '@frontdesk/sdk/console';
import { useSignal } from '@preact/signals';
import { desk } from '../api.js';
import { Choice, Field } from '../components/Field.js';
import { DoneNote, ErrorNote } from '../components/Notice.js';
import { describeError } from '../errors.js';
import { t } from '../i18n/index.js';
import { newEventId, type Shop } from './shop.js';

interface Draft {
  sku: string;
  locationId: string;
  kind: 'set' | 'delta';
  units: string;
  reason: string;
}

export function AdjustForm({ shop, onAdjusted }: { shop: Shop; onAdjusted: () => void }) {
  const products = shop.products.filter((p) => p.active);
  const locations = shop.locations.filter((l) => l.active);
  const draft = useSignal<Draft>({
    sku: products[0]?.sku ?? '',
    locationId: locations[0]?.id ?? '',
    kind: 'set',
    units: '',
    reason: '',
  });
  const busy = useSignal(false);
  /** The form as last sent and its event id: kept after a failure so that a retry reuses the id. */
  const attempt = useSignal<{ sent: string; eventId: string } | null>(null);
  const problem = useSignal('');
  const fields = useSignal<Record<string, string>>({});
  const done = useSignal('');

  if (products.length === 0) return <p>{t.stock.noProducts}</p>;
  if (locations.length === 0) return <p>{t.stock.noLocations}</p>;

  const set = (name: keyof Draft) => (value: string) => {
    draft.value = { ...draft.value, [name]: value };
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    // A second click before the first answer: the signal is already set, whatever the DOM shows.
    if (busy.peek()) return;
    const form = draft.peek();
    const sent = JSON.stringify(form);
    const eventId = attempt.peek()?.sent === sent ? attempt.peek()!.eventId : newEventId();
    attempt.value = { sent, eventId };
    busy.value = true;
    problem.value = '';
    fields.value = {};
    done.value = '';
    const units = Number(form.units);
    const body: StockAdjustment = {
      eventId,
      sku: form.sku,
      locationId: form.locationId,
      ...(form.reason.trim() ? { reason: form.reason.trim() } : {}),
      ...(form.kind === 'set' ? { set: units } : { delta: units }),
    };
    try {
      const result = await desk.stock.adjust(body);
      attempt.value = null;
      draft.value = { ...form, units: '', reason: '' };
      done.value = t.stock.adjusted(
        shop.productName(result.sku),
        shop.locationName(result.locationId),
        result.onHand,
      );
      onAdjusted();
    } catch (failure) {
      const described = describeError(failure);
      problem.value = described.message;
      fields.value = described.fields;
    } finally {
      busy.value = false;
    }
  };

  const value = draft.value;
  return (
    <form class="card" onSubmit={submit} aria-labelledby="adjust-title">
      <h2 id="adjust-title">{t.stock.adjustTitle}</h2>
      <p class="hint">{t.stock.adjustLead}</p>
      <div class="grid">
        <Choice
          label={t.stock.product}
          value={value.sku}
          onValue={set('sku')}
          options={products.map((p) => ({ value: p.sku, label: `${p.name} (${p.sku})` }))}
          error={fields.value.sku}
        />
        <Choice
          label={t.stock.location}
          value={value.locationId}
          onValue={set('locationId')}
          options={locations.map((l) => ({ value: l.id, label: l.name }))}
          error={fields.value.locationId}
        />
        <Choice
          label={t.stock.kind}
          value={value.kind}
          onValue={set('kind')}
          options={(['set', 'delta'] as const).map((k) => ({ value: k, label: t.stock.kinds[k] ?? k }))}
        />
        <Field
          label={value.kind === 'set' ? t.stock.quantity : t.stock.change}
          type="number"
          step="1"
          required
          {...(value.kind === 'set' ? { min: 0 } : {})}
          value={value.units}
          onValue={set('units')}
          error={fields.value.set ?? fields.value.delta}
        />
        <Field
          label={t.stock.reason}
          hint={t.stock.reasonHint}
          value={value.reason}
          onValue={set('reason')}
          maxLength={200}
          error={fields.value.reason}
        />
      </div>
      <button type="submit" class="primary" disabled={busy.value}>
        {busy.value ? t.stock.adjusting : t.stock.adjust}
      </button>
      <ErrorNote message={problem.value} />
      <DoneNote message={done.value} />
    </form>
  );
}

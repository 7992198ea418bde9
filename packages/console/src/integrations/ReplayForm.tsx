/**
 * @module Replay: every event the endpoint subscribes to since a moment (typed in the business's
 * time zone), queued again with its original `webhook-id` — recovery after the receiver was down.
 * The API queues at most 10 000 a call and says where to go on; the form offers that next step.
 */
import { useSignal } from '@preact/signals';
import { Field } from '../components/Field.js';
import { DoneNote, ErrorNote } from '../components/Notice.js';
import { describeError } from '../errors.js';
import { wallToInstant } from '../format.js';
import { t } from '../i18n/index.js';
import { hooks } from './hooks.js';

interface ReplayFormProps {
  endpointId: string;
  tz: string;
  /** Called after events were queued (the delivery list reads itself again). */
  onQueued: () => void;
}

export function ReplayForm({ endpointId, tz, onQueued }: ReplayFormProps) {
  const since = useSignal('');
  const busy = useSignal(false);
  const problem = useSignal('');
  const fieldError = useSignal<string | undefined>(undefined);
  const done = useSignal('');
  /** Where the next call starts when the last one hit the API's limit (`evt_…`). */
  const nextSince = useSignal<string | null>(null);

  const replay = async (from: string) => {
    busy.value = true;
    problem.value = '';
    fieldError.value = undefined;
    done.value = '';
    try {
      const result = await hooks.webhookEndpoints.replay(endpointId, { since: from });
      nextSince.value = result.nextSince;
      done.value = t.webhooks.replayed(result.queued);
      if (result.queued > 0) onQueued();
    } catch (failure) {
      const described = describeError(failure);
      problem.value = described.message;
      fieldError.value = described.fields.since;
    } finally {
      busy.value = false;
    }
  };
  const submit = (event: Event) => {
    event.preventDefault();
    if (busy.peek()) return;
    const [date, time] = since.peek().split('T');
    if (!date || !time) {
      fieldError.value = t.webhooks.replayPick;
      return;
    }
    void replay(wallToInstant(date, time.slice(0, 5), tz));
  };

  return (
    <form class="card" onSubmit={submit} aria-labelledby="replay-title">
      <h2 id="replay-title">{t.webhooks.replayTitle}</h2>
      <p>{t.webhooks.replayLead}</p>
      <Field
        label={t.webhooks.replaySince}
        hint={t.webhooks.replaySinceHint(tz)}
        type="datetime-local"
        value={since.value}
        onValue={(value) => (since.value = value)}
        required
        error={fieldError.value}
      />
      <button type="submit" class="primary" disabled={busy.value}>
        {t.webhooks.replay}
      </button>
      <DoneNote message={done.value} />
      {nextSince.value && (
        <p>
          {t.webhooks.replayMore(nextSince.value)}{' '}
          <button type="button" disabled={busy.value} onClick={() => void replay(nextSince.value!)}>
            {t.webhooks.replayGoOn}
          </button>
        </p>
      )}
      <ErrorNote message={problem.value} />
    </form>
  );
}

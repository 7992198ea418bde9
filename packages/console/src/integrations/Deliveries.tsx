/**
 * @module An endpoint's delivery log (oldest first, as the API keeps it): each event with its
 * status, its last answer, every attempt (time, HTTP status or error, duration, the start of the
 * answer) and the next attempt; a failed one can be retried. While a delivery is due within the
 * minute the list reads itself again every 2 seconds, so a test event's outcome shows up on its own.
 */
import type { WebhookDelivery } from '@frontdesk/sdk/console';
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { Choice } from '../components/Field.js';
import { ListTable } from '../components/ListTable.js';
import { Loadable } from '../components/Loadable.js';
import { DoneNote, ErrorNote } from '../components/Notice.js';
import { ShowMore } from '../components/ShowMore.js';
import { describeError } from '../errors.js';
import { formatDateTime } from '../format.js';
import { t } from '../i18n/index.js';
import { usePaged } from '../state/paged.js';
import { hooks } from './hooks.js';

const statuses = ['', 'pending', 'succeeded', 'failed'] as const;
type StatusFilter = (typeof statuses)[number];
type WebhookAttempt = WebhookDelivery['attempts'][number];

/** One attempt in words: `HTTP 204, 12 ms` or `timeout, 10000 ms`. */
const answer = (attempt: WebhookAttempt) =>
  t.webhooks.attemptLine(
    attempt.status === null ? (attempt.error ?? t.webhooks.noAnswer) : `HTTP ${attempt.status}`,
    attempt.durationMs,
  );

function Attempts({ delivery, tz }: { delivery: WebhookDelivery; tz: string }) {
  if (delivery.attempts.length === 0) return <>{t.webhooks.noAttempts}</>;
  return (
    <details>
      <summary>{t.webhooks.attemptCount(delivery.attempts.length)}</summary>
      <ol class="attempts">
        {delivery.attempts.map((attempt) => (
          <li key={attempt.at}>
            {formatDateTime(attempt.at, tz)}: {answer(attempt)}
            {attempt.status !== null && attempt.error && <> ({attempt.error})</>}
            {attempt.response && <pre class="snippet">{attempt.response}</pre>}
          </li>
        ))}
      </ol>
    </details>
  );
}

interface DeliveriesProps {
  endpointId: string;
  tz: string;
  /** Changes when the parent queued deliveries (a test, a replay): the list is read again. */
  version: number;
}

export function Deliveries({ endpointId, tz, version }: DeliveriesProps) {
  const status = useSignal<StatusFilter>('');
  const deliveries = usePaged(
    (cursor?: string) =>
      hooks.webhookEndpoints.deliveries(endpointId, {
        limit: 50,
        ...(status.value ? { status: status.value } : {}),
        ...(cursor ? { cursor } : {}),
      }),
    [endpointId, status.value, version],
  );
  const list = deliveries.list;
  const problem = useSignal('');
  const done = useSignal('');

  const state = list.state.value;
  useEffect(() => {
    if (state.status !== 'ready') return;
    const soon = Date.now() + 60_000;
    const due = deliveries
      .rows(state.data)
      .some(
        (d) => d.status === 'pending' && (d.nextAttemptAt === null || Date.parse(d.nextAttemptAt) < soon),
      );
    if (!due) return;
    const timer = setTimeout(() => void list.reload(), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  const retry = async (delivery: WebhookDelivery) => {
    problem.value = '';
    done.value = '';
    try {
      await hooks.webhookDeliveries.retry(delivery.id);
      done.value = t.webhooks.retried(delivery.eventType);
      await list.reload();
    } catch (failure) {
      problem.value = describeError(failure).message;
    }
  };

  return (
    <section aria-labelledby="deliveries-title">
      <h2 id="deliveries-title">{t.webhooks.deliveries}</h2>
      <div class="toolbar toolbar--start">
        <Choice
          label={t.webhooks.statusFilter}
          value={status.value}
          onValue={(value) => (status.value = value as StatusFilter)}
          options={statuses.map((s) => ({ value: s, label: t.webhooks.statuses[s] ?? s }))}
        />
        <button type="button" onClick={() => void list.reload()}>
          {t.webhooks.refresh}
        </button>
      </div>
      <DoneNote message={done.value} />
      <ErrorNote message={problem.value} />
      <Loadable loader={list}>
        {(page) => {
          const rows = deliveries.rows(page);
          if (rows.length === 0) return <p>{t.webhooks.noDeliveries}</p>;
          return (
            <>
              <ListTable
                caption={t.webhooks.deliveries}
                class="deliveries"
                columns={[
                  t.webhooks.event,
                  t.webhooks.created,
                  t.webhooks.status,
                  t.webhooks.lastAnswer,
                  t.webhooks.attempts,
                  t.webhooks.nextAttempt,
                  { label: t.webhooks.actions, hidden: true },
                ]}
              >
                {rows.map((delivery) => {
                  const last = delivery.attempts.at(-1);
                  return (
                    <tr key={delivery.id}>
                      <th scope="row">
                        {delivery.eventType}
                        <br />
                        <code class="sku">{delivery.eventId}</code>
                      </th>
                      <td>{formatDateTime(delivery.createdAt, tz)}</td>
                      <td>
                        <span class={`pill pill--delivery-${delivery.status}`}>
                          {t.webhooks.statuses[delivery.status]}
                        </span>
                      </td>
                      <td>{last ? answer(last) : '—'}</td>
                      <td>
                        <Attempts delivery={delivery} tz={tz} />
                      </td>
                      <td>{delivery.nextAttemptAt ? formatDateTime(delivery.nextAttemptAt, tz) : '—'}</td>
                      <td>
                        {delivery.status === 'failed' && (
                          <button
                            type="button"
                            aria-label={t.webhooks.retryName(delivery.eventType, delivery.eventId)}
                            onClick={() => void retry(delivery)}
                          >
                            {t.webhooks.retry}
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </ListTable>
              <ShowMore paged={deliveries} label={t.webhooks.more} />
            </>
          );
        }}
      </Loadable>
    </section>
  );
}

/**
 * @module Messages (owners): the mail written to customers and to the business, newest first, by
 * status; a preview of each; and a notice when the server sends none because it has no SMTP.
 */
import type { Message } from '@frontdesk/sdk/console';
import { useSignal } from '@preact/signals';
import { desk } from '../api.js';
import { Choice } from '../components/Field.js';
import { Heading } from '../components/Heading.js';
import { ListTable } from '../components/ListTable.js';
import { Loadable } from '../components/Loadable.js';
import { ShowMore } from '../components/ShowMore.js';
import { formatDateTime } from '../format.js';
import { t } from '../i18n/index.js';
import { IntegrationsNav } from '../integrations/IntegrationsNav.js';
import { MessagePreview } from '../integrations/MessagePreview.js';
import { mailIsOff, statusText } from '../integrations/message-words.js';
import { place, setQuery } from '../router.js';
import { useLoad } from '../state/load.js';
import { usePaged } from '../state/paged.js';
import { zone } from '../state/session.js';

const statuses = ['queued', 'sent', 'failed', 'not_sent', 'skipped'] as const;
type Status = (typeof statuses)[number];
const isStatus = (value: string): value is Status => (statuses as readonly string[]).includes(value);

export default function Messages() {
  const tz = zone.value;
  const query = place.value.query;
  const wanted = query.get('status') ?? '';
  const status = isStatus(wanted) ? wanted : undefined;
  const draft = useSignal(status ?? '');
  const chosen = useSignal<Message | null>(null);
  // Unfiltered, so the notice does not depend on the filter chosen.
  const latest = useLoad(() => desk.messages.list({ order: 'newest', limit: 20 }), []);
  const messages = usePaged(
    (cursor?: string) =>
      desk.messages.list({
        order: 'newest',
        limit: 50,
        ...(status ? { status } : {}),
        ...(cursor ? { cursor } : {}),
      }),
    [status],
  );
  const latestState = latest.state.value;

  return (
    <section>
      <Heading>{t.messages.title}</Heading>
      <IntegrationsNav />
      <p>{t.messages.lead}</p>
      {latestState.status === 'ready' && mailIsOff(latestState.data.data) && (
        <section class="notice notice--warn" aria-labelledby="no-smtp-title">
          <h2 id="no-smtp-title">{t.messages.noSmtpTitle}</h2>
          <p>{t.messages.noSmtp}</p>
        </section>
      )}
      <form
        class="card filters"
        aria-labelledby="message-filters"
        onSubmit={(event) => {
          event.preventDefault();
          chosen.value = null;
          setQuery({ status: draft.value });
        }}
      >
        <h2 id="message-filters">{t.messages.filters}</h2>
        <Choice
          label={t.messages.status}
          value={draft.value}
          onValue={(value) => (draft.value = value)}
          options={[
            { value: '', label: t.messages.anyStatus },
            ...statuses.map((s) => ({ value: s, label: t.messages.statuses[s] ?? s })),
          ]}
        />
        <button type="submit" class="primary">
          {t.messages.apply}
        </button>
      </form>
      <Loadable loader={messages.list}>
        {(page) => {
          const rows = messages.rows(page);
          if (rows.length === 0) return <p>{t.messages.none}</p>;
          return (
            <>
              <ListTable
                caption={t.messages.title}
                columns={[
                  t.messages.when,
                  t.messages.to,
                  t.messages.kind,
                  t.messages.status,
                  t.messages.preview,
                ]}
              >
                {rows.map((m) => (
                  <tr key={m.id}>
                    <td>{formatDateTime(m.sentAt ?? m.dueAt, tz)}</td>
                    <td>
                      {m.to.name && <span class="who">{m.to.name}</span>}
                      <span class="sku">{m.to.email}</span>
                    </td>
                    <td>{t.messages.kinds[m.kind] ?? m.kind}</td>
                    <td>
                      <span class={`pill pill--mail-${m.status}`}>{statusText(m)}</span>
                    </td>
                    <td>
                      <button
                        type="button"
                        aria-pressed={chosen.value?.id === m.id ? 'true' : 'false'}
                        aria-label={t.messages.previewFor(
                          `${m.subject ?? t.messages.kinds[m.kind] ?? m.kind}, ${m.to.email}`,
                        )}
                        onClick={() => (chosen.value = m)}
                      >
                        {t.messages.preview}
                      </button>
                    </td>
                  </tr>
                ))}
              </ListTable>
              <ShowMore paged={messages} label={t.messages.more} />
              {chosen.value && <MessagePreview message={chosen.value} />}
            </>
          );
        }}
      </Loadable>
    </section>
  );
}

/**
 * @module Calendar feeds (owners): the feeds issued for the business or a resource, live and
 * revoked; a new one (which replaces the live one of its scope) with its address shown once and a
 * copy button; revoking a live one after a confirmation.
 */
import type { CalendarFeed, CalendarFeedSummary } from '@frontdesk/sdk/console';
import { useSignal } from '@preact/signals';
import { desk } from '../api.js';
import { Choice } from '../components/Field.js';
import { Heading } from '../components/Heading.js';
import { Loadable } from '../components/Loadable.js';
import { DoneNote, ErrorNote } from '../components/Notice.js';
import { ShowMore } from '../components/ShowMore.js';
import { describeError } from '../errors.js';
import { formatDateTime } from '../format.js';
import { t } from '../i18n/index.js';
import { FeedAddress } from '../integrations/FeedAddress.js';
import { IntegrationsNav } from '../integrations/IntegrationsNav.js';
import { useLoad } from '../state/load.js';
import { usePaged } from '../state/paged.js';
import { zone } from '../state/session.js';

/** The business's scope in the form's choice (a resource's is its id). */
const BUSINESS = '';

export default function Feeds() {
  const tz = zone.value;
  const resources = useLoad(async () => (await desk.resources.list({ limit: 100 })).data, []);
  const feeds = usePaged(
    (cursor?: string) => desk.feeds.list({ limit: 50, ...(cursor ? { cursor } : {}) }),
    [],
  );
  const scope = useSignal(BUSINESS);
  const busy = useSignal(false);
  const problem = useSignal('');
  const done = useSignal('');
  const issued = useSignal<CalendarFeed | null>(null);

  const nameOf = (resourceId: string | null) => {
    if (resourceId === null) return t.feeds.wholeBusiness;
    const state = resources.state.value;
    const found = state.status === 'ready' ? state.data.find((r) => r.id === resourceId) : undefined;
    return found?.name ?? resourceId;
  };
  const run = async (action: () => Promise<void>) => {
    if (busy.peek()) return;
    busy.value = true;
    problem.value = '';
    done.value = '';
    try {
      await action();
      await feeds.list.reload();
    } catch (failure) {
      problem.value = describeError(failure).message;
    } finally {
      busy.value = false;
    }
  };
  const create = (event: Event) => {
    event.preventDefault();
    const resourceId = scope.peek() || null;
    void run(async () => {
      issued.value = await desk.feeds.issue(resourceId);
    });
  };
  const revoke = (feed: CalendarFeedSummary) => {
    const name = nameOf(feed.resourceId);
    if (!window.confirm(t.feeds.revokeConfirm(name))) return;
    void run(async () => {
      await desk.feeds.revoke(feed.resourceId);
      if (issued.peek()?.resourceId === feed.resourceId) issued.value = null;
      done.value = t.feeds.revoked(name);
    });
  };

  return (
    <section>
      <Heading>{t.feeds.title}</Heading>
      <IntegrationsNav />
      <p>{t.feeds.lead}</p>
      <Loadable loader={resources}>
        {(list) => (
          <form class="card" aria-labelledby="new-feed-title" onSubmit={create}>
            <h2 id="new-feed-title">{t.feeds.newTitle}</h2>
            <Choice
              label={t.feeds.scope}
              value={scope.value}
              onValue={(value) => (scope.value = value)}
              hint={t.feeds.scopeHint}
              options={[
                { value: BUSINESS, label: t.feeds.wholeBusiness },
                ...list.map((r) => ({ value: r.id, label: r.name })),
              ]}
            />
            <button type="submit" class="primary" disabled={busy.value}>
              {busy.value ? t.feeds.creating : t.feeds.create}
            </button>
          </form>
        )}
      </Loadable>
      <ErrorNote message={problem.value} />
      <DoneNote message={done.value} />
      {issued.value && <FeedAddress feed={issued.value} scope={nameOf(issued.value.resourceId)} />}
      <h2 id="feeds-title">{t.feeds.listTitle}</h2>
      <Loadable loader={feeds.list}>
        {(page) => {
          const rows = feeds.rows(page);
          if (rows.length === 0) return <p>{t.feeds.noFeeds}</p>;
          return (
            <>
              <div class="table-scroll">
                <table class="list" aria-labelledby="feeds-title">
                  <thead>
                    <tr>
                      <th scope="col">{t.feeds.scope}</th>
                      <th scope="col">{t.feeds.created}</th>
                      <th scope="col">{t.feeds.status}</th>
                      <th scope="col">{t.feeds.actions}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((feed) => (
                      <tr key={feed.id}>
                        <th scope="row">{nameOf(feed.resourceId)}</th>
                        <td>{formatDateTime(feed.createdAt, tz)}</td>
                        <td>
                          {feed.revokedAt === null ? (
                            <span class="pill pill--confirmed">{t.feeds.live}</span>
                          ) : (
                            t.feeds.revokedOn(formatDateTime(feed.revokedAt, tz))
                          )}
                        </td>
                        <td>
                          {feed.revokedAt === null && (
                            <button
                              type="button"
                              class="danger"
                              aria-label={t.feeds.revokeFor(nameOf(feed.resourceId))}
                              disabled={busy.value}
                              onClick={() => revoke(feed)}
                            >
                              {t.feeds.revoke}
                            </button>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <ShowMore paged={feeds} label={t.feeds.more} />
            </>
          );
        }}
      </Loadable>
    </section>
  );
}

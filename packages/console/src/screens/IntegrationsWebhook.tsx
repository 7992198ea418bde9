/**
 * @module One webhook endpoint (owners): what it is and its state; send a test event, change it,
 * switch it off or on, rotate its signing secret (the new one shown once; the previous one signs
 * too for 24 hours), delete it after a confirmation; then its delivery log and the replay form.
 */
import type { WebhookEndpoint, WebhookEndpointWithSecret } from '@frontdesk/sdk/console';
import { useSignal } from '@preact/signals';
import { Heading } from '../components/Heading.js';
import { Loadable } from '../components/Loadable.js';
import { DoneNote, ErrorNote } from '../components/Notice.js';
import { describeError } from '../errors.js';
import { formatDateTime } from '../format.js';
import { t } from '../i18n/index.js';
import { Confirm } from '../integrations/Confirm.js';
import { Deliveries } from '../integrations/Deliveries.js';
import { EndpointForm } from '../integrations/EndpointForm.js';
import { EndpointState } from '../integrations/EndpointState.js';
import { hooks } from '../integrations/hooks.js';
import { IntegrationsNav } from '../integrations/IntegrationsNav.js';
import { ReplayForm } from '../integrations/ReplayForm.js';
import { SecretOnce } from '../integrations/SecretOnce.js';
import { link, navigate } from '../router.js';
import { useLoad } from '../state/load.js';
import { zone } from '../state/session.js';

export default function IntegrationsWebhook({ params }: { params: Record<string, string> }) {
  const id = params.id!;
  const tz = zone.value;
  const endpoint = useLoad(() => hooks.webhookEndpoints.get(id), [id]);
  const busy = useSignal(false);
  const problem = useSignal('');
  const done = useSignal('');
  const editing = useSignal(false);
  const deleting = useSignal(false);
  const rotated = useSignal<WebhookEndpointWithSecret | null>(null);
  /** Bumped when deliveries were queued here: the log reads itself again. */
  const version = useSignal(0);

  /** Runs one action on the endpoint; its answer (when it is the endpoint) replaces the one shown. */
  const act = async (run: () => Promise<unknown>, success: string) => {
    if (busy.peek()) return;
    busy.value = true;
    problem.value = '';
    done.value = '';
    try {
      await run();
      done.value = success;
    } catch (failure) {
      problem.value = describeError(failure).message;
    } finally {
      busy.value = false;
    }
  };
  const sendTest = () =>
    act(async () => {
      await hooks.webhookEndpoints.test(id);
      version.value++;
    }, t.webhooks.testQueued);
  const switchTo = (active: boolean) =>
    act(
      async () => endpoint.set(await hooks.webhookEndpoints.update(id, { active })),
      active ? t.webhooks.switchedOn : t.webhooks.switchedOff,
    );
  const rotate = () =>
    act(async () => {
      const answer = await hooks.webhookEndpoints.rotateSecret(id);
      rotated.value = answer;
      const { secret: _shownOnce, ...rest } = answer;
      endpoint.set(rest);
    }, '');
  const remove = () =>
    act(async () => {
      await hooks.webhookEndpoints.delete(id);
      navigate('/integrations/webhooks');
    }, '');

  return (
    <section>
      <Heading>{t.webhooks.endpointTitle}</Heading>
      <IntegrationsNav />
      <p>
        <a {...link('/integrations/webhooks')}>{t.webhooks.back}</a>
      </p>
      <Loadable loader={endpoint}>
        {(current: WebhookEndpoint) => (
          <>
            {rotated.value && (
              <SecretOnce
                title={t.webhooks.rotatedTitle}
                label={t.webhooks.secret}
                value={rotated.value.secret}
                onDone={() => (rotated.value = null)}
              >
                {rotated.value.previousSecretExpiresAt && (
                  <p>{t.webhooks.rotatedLead(formatDateTime(rotated.value.previousSecretExpiresAt, tz))}</p>
                )}
              </SecretOnce>
            )}
            <dl class="facts card">
              <dt>{t.webhooks.url}</dt>
              <dd>{current.url}</dd>
              <dt>{t.webhooks.description}</dt>
              <dd>{current.description || '—'}</dd>
              <dt>{t.webhooks.events}</dt>
              <dd>{current.events.includes('*') ? t.webhooks.allEvents : current.events.join(', ')}</dd>
              <dt>{t.webhooks.state}</dt>
              <dd>
                <EndpointState endpoint={current} />
                {current.disabledAt && <> ({formatDateTime(current.disabledAt, tz)})</>}
              </dd>
              <dt>{t.webhooks.created}</dt>
              <dd>{formatDateTime(current.createdAt, tz)}</dd>
              {current.previousSecretExpiresAt && (
                <>
                  <dt>{t.webhooks.previousSecret}</dt>
                  <dd>
                    {t.webhooks.previousSecretUntil(formatDateTime(current.previousSecretExpiresAt, tz))}
                  </dd>
                </>
              )}
            </dl>
            <div class="actions">
              <button type="button" class="primary" disabled={busy.value} onClick={() => void sendTest()}>
                {t.webhooks.sendTest}
              </button>
              <button
                type="button"
                aria-expanded={editing.value ? 'true' : 'false'}
                onClick={() => (editing.value = !editing.value)}
              >
                {t.edit}
              </button>
              <button type="button" disabled={busy.value} onClick={() => void switchTo(!current.active)}>
                {current.active ? t.webhooks.switchOff : t.webhooks.switchOn}
              </button>
              <button type="button" disabled={busy.value} onClick={() => void rotate()}>
                {t.webhooks.rotate}
              </button>
              <button
                type="button"
                class="danger"
                aria-expanded={deleting.value ? 'true' : 'false'}
                onClick={() => (deleting.value = !deleting.value)}
              >
                {t.webhooks.delete}
              </button>
            </div>
            <DoneNote message={done.value} />
            <ErrorNote message={problem.value} />
            {deleting.value && (
              <Confirm
                question={t.webhooks.deleteQuestion(current.url)}
                confirm={t.webhooks.deleteConfirm}
                keep={t.webhooks.keep}
                busy={busy.value}
                onConfirm={() => void remove()}
                onKeep={() => (deleting.value = false)}
              />
            )}
            {editing.value && (
              <EndpointForm
                title={t.webhooks.editTitle}
                submitLabel={t.save}
                endpoint={current}
                save={async (input) => {
                  endpoint.set(await hooks.webhookEndpoints.update(id, input));
                  editing.value = false;
                  done.value = t.saved;
                }}
                onCancel={() => (editing.value = false)}
              />
            )}
            <Deliveries endpointId={id} tz={tz} version={version.value} />
            <ReplayForm endpointId={id} tz={tz} onQueued={() => version.value++} />
          </>
        )}
      </Loadable>
    </section>
  );
}

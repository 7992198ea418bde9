/**
 * @module API keys (owners): the business's keys — kind, label, prefix, allowed origins, when made,
 * revoked or not — a form that makes one (the key itself shown once, to copy), and revoking with a
 * confirmation in the key's own row.
 */
import type { ApiKey, CreatedApiKey } from '@frontdesk/sdk/console';
import { useSignal } from '@preact/signals';
import { desk } from '../api.js';
import { Choice, Field, TextArea } from '../components/Field.js';
import { Heading } from '../components/Heading.js';
import { ListTable } from '../components/ListTable.js';
import { Loadable } from '../components/Loadable.js';
import { DoneNote, ErrorNote } from '../components/Notice.js';
import { ShowMore } from '../components/ShowMore.js';
import { describeError } from '../errors.js';
import { formatDateTime } from '../format.js';
import { t } from '../i18n/index.js';
import { Confirm } from '../integrations/Confirm.js';
import { IntegrationsNav } from '../integrations/IntegrationsNav.js';
import { SecretOnce } from '../integrations/SecretOnce.js';
import { usePaged } from '../state/paged.js';
import { zone } from '../state/session.js';

interface Draft {
  kind: 'publishable' | 'secret';
  label: string;
  /** One origin a line. */
  origins: string;
}
const blank: Draft = { kind: 'publishable', label: '', origins: '' };

/** The API's field errors, with every `allowedOrigins.N` folded onto the one text area. */
function foldOrigins(fields: Record<string, string>): Record<string, string> {
  const folded: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) {
    const name = path.startsWith('allowedOrigins') ? 'allowedOrigins' : path;
    folded[name] ??= message;
  }
  return folded;
}

export default function IntegrationsKeys() {
  const tz = zone.value;
  const keys = usePaged(
    (cursor?: string) => desk.keys.list({ limit: 50, ...(cursor ? { cursor } : {}) }),
    [],
  );
  const draft = useSignal<Draft>(blank);
  const busy = useSignal(false);
  const problem = useSignal('');
  const fields = useSignal<Record<string, string>>({});
  const created = useSignal<CreatedApiKey | null>(null);
  /** The key whose row asks "revoke?", and what came of it. */
  const confirming = useSignal<string | null>(null);
  const revokeError = useSignal('');
  const done = useSignal('');

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy.peek()) return;
    busy.value = true;
    problem.value = '';
    fields.value = {};
    done.value = '';
    const form = draft.peek();
    const origins = form.origins
      .split(/[\s,]+/)
      .map((origin) => origin.trim())
      .filter(Boolean);
    try {
      created.value = await desk.keys.create({
        kind: form.kind,
        label: form.label.trim(),
        ...(form.kind === 'publishable' ? { allowedOrigins: origins } : {}),
      });
      draft.value = blank;
      await keys.list.reload();
    } catch (failure) {
      const described = describeError(failure);
      problem.value = described.message;
      fields.value = foldOrigins(described.fields);
    } finally {
      busy.value = false;
    }
  };

  const revoke = async (key: ApiKey) => {
    revokeError.value = '';
    try {
      await desk.keys.revoke(key.id);
      confirming.value = null;
      done.value = t.apiKeys.revoked(key.label || key.prefix);
      await keys.list.reload();
    } catch (failure) {
      revokeError.value = describeError(failure).message;
    }
  };

  const value = draft.value;
  return (
    <section>
      <Heading>{t.integrations.keys}</Heading>
      <IntegrationsNav />
      <p>{t.apiKeys.lead}</p>
      {created.value && (
        <SecretOnce
          title={t.apiKeys.createdTitle(created.value.label || created.value.prefix)}
          label={t.apiKeys.newKey}
          value={created.value.secret}
          onDone={() => (created.value = null)}
        />
      )}
      <DoneNote message={done.value} />
      <Loadable loader={keys.list}>
        {(page) => {
          const rows = keys.rows(page);
          if (rows.length === 0) return <p>{t.apiKeys.none}</p>;
          return (
            <>
              <ListTable
                caption={t.integrations.keys}
                columns={[
                  t.apiKeys.label,
                  t.apiKeys.kind,
                  t.apiKeys.prefix,
                  t.apiKeys.origins,
                  t.apiKeys.created,
                  t.apiKeys.status,
                  { label: t.apiKeys.actions, hidden: true },
                ]}
              >
                {rows.map((key) => {
                  const name = key.label || key.prefix;
                  return (
                    <tr key={key.id}>
                      <th scope="row">{key.label || <span class="muted">{t.apiKeys.unlabelled}</span>}</th>
                      <td>{t.apiKeys.kinds[key.kind]}</td>
                      <td>
                        <code>{key.prefix}…</code>
                      </td>
                      <td class="breakable">
                        {key.kind === 'secret' ? '—' : key.allowedOrigins.join(', ') || t.apiKeys.anyOrigin}
                      </td>
                      <td>{formatDateTime(key.createdAt, tz)}</td>
                      <td>
                        {key.revokedAt ? (
                          <span class="pill">{t.apiKeys.revokedOn(formatDateTime(key.revokedAt, tz))}</span>
                        ) : (
                          t.apiKeys.active
                        )}
                      </td>
                      <td>
                        {!key.revokedAt && confirming.value !== key.id && (
                          <button
                            type="button"
                            class="danger"
                            aria-label={t.apiKeys.revokeName(name)}
                            onClick={() => {
                              revokeError.value = '';
                              confirming.value = key.id;
                            }}
                          >
                            {t.apiKeys.revoke}
                          </button>
                        )}
                        {confirming.value === key.id && (
                          <Confirm
                            question={t.apiKeys.revokeQuestion(name)}
                            confirm={t.apiKeys.revokeConfirm}
                            keep={t.apiKeys.keep}
                            error={revokeError.value}
                            onConfirm={() => void revoke(key)}
                            onKeep={() => (confirming.value = null)}
                          />
                        )}
                      </td>
                    </tr>
                  );
                })}
              </ListTable>
              <ShowMore paged={keys} label={t.apiKeys.more} />
            </>
          );
        }}
      </Loadable>
      <form class="card" onSubmit={submit} aria-labelledby="key-form-title">
        <h2 id="key-form-title">{t.apiKeys.createTitle}</h2>
        <div class="grid">
          <Choice
            label={t.apiKeys.kind}
            value={value.kind}
            onValue={(kind) => (draft.value = { ...draft.value, kind: kind as Draft['kind'] })}
            options={[
              { value: 'publishable', label: t.apiKeys.kinds.publishable },
              { value: 'secret', label: t.apiKeys.kinds.secret },
            ]}
            hint={t.apiKeys.kindHints[value.kind]}
            error={fields.value.kind}
          />
          <Field
            label={t.apiKeys.label}
            hint={t.apiKeys.labelHint}
            value={value.label}
            onValue={(label) => (draft.value = { ...draft.value, label })}
            maxLength={200}
            error={fields.value.label}
          />
        </div>
        {value.kind === 'publishable' && (
          <TextArea
            label={t.apiKeys.origins}
            hint={t.apiKeys.originsHint}
            value={value.origins}
            onValue={(origins) => (draft.value = { ...draft.value, origins })}
            error={fields.value.allowedOrigins}
          />
        )}
        <button type="submit" class="primary" disabled={busy.value}>
          {busy.value ? t.saving : t.apiKeys.create}
        </button>
        <ErrorNote message={problem.value} />
      </form>
    </section>
  );
}

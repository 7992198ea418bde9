/**
 * @module The people who sign in: invite (the one-time link is shown here, so it works without
 * mail), change role and resources, issue a new link, remove.
 */

import type { Resource, User } from '@frontdesk/sdk/console';
import { useSignal } from '@preact/signals';
import { desk } from '../api.js';
import { Check, Choice, Field, Group } from '../components/Field.js';
import { Heading } from '../components/Heading.js';
import { Loadable } from '../components/Loadable.js';
import { ErrorNote } from '../components/Notice.js';
import { describeError } from '../errors.js';
import { t } from '../i18n/index.js';
import { loadCatalog } from '../state/catalog.js';
import { useLoad } from '../state/load.js';
import { session } from '../state/session.js';

function Person({
  user,
  resources,
  onChanged,
}: {
  user: User;
  resources: Resource[];
  onChanged: () => Promise<void>;
}) {
  const error = useSignal('');
  const link = useSignal('');
  const me = session.value?.user.id === user.id;
  const run = async (call: () => Promise<unknown>) => {
    error.value = '';
    try {
      const answer = await call();
      if (answer && typeof answer === 'object' && 'invitation' in answer) {
        link.value = (answer as { invitation: { url: string } }).invitation.url;
      }
      await onChanged();
    } catch (failure) {
      error.value = describeError(failure).message;
    }
  };
  const label = user.name || user.email;
  return (
    <li class="card">
      <h2>
        {label} {me && <span class="hint">{t.users.you}</span>}
      </h2>
      <p>
        {user.email} · {t.roles[user.role] ?? user.role}
        {!user.active && ` · ${t.users.pending}`}
      </p>
      <Choice
        label={`${t.users.role}: ${label}`}
        value={user.role}
        onValue={(role) => void run(() => desk.users.update(user.id, { role: role as User['role'] }))}
        options={['owner', 'staff'].map((r) => ({ value: r, label: t.roles[r] ?? r }))}
      />
      {user.role === 'staff' && (
        <Group legend={`${t.users.resources}: ${label}`}>
          {resources.map((r) => (
            <Check
              key={r.id}
              label={r.name}
              checked={user.resourceIds.includes(r.id)}
              onChecked={(on) =>
                void run(() =>
                  desk.users.update(user.id, {
                    resourceIds: on
                      ? [...user.resourceIds, r.id]
                      : user.resourceIds.filter((id) => id !== r.id),
                  }),
                )
              }
            />
          ))}
        </Group>
      )}
      <div class="actions">
        {!user.active && (
          <button type="button" onClick={() => void run(() => desk.users.reinvite(user.id))}>
            {t.users.newLink} <span class="sr-only">{label}</span>
          </button>
        )}
        {!me && (
          <button
            type="button"
            class="danger"
            onClick={() => {
              if (window.confirm(t.users.removeConfirm(label))) void run(() => desk.users.remove(user.id));
            }}
          >
            {t.remove} <span class="sr-only">{label}</span>
          </button>
        )}
      </div>
      {link.value && <InviteLink email={user.email} url={link.value} />}
      <ErrorNote message={error.value} />
    </li>
  );
}

function InviteLink({ email, url }: { email: string; url: string }) {
  return (
    <div class="notice" role="status">
      <p>{t.users.linkLead(email)}</p>
      <p>
        <code class="breakable">{url}</code>
      </p>
    </div>
  );
}

export default function Users() {
  const data = useLoad(async () => {
    const [users, catalog] = await Promise.all([desk.users.list({ limit: 100 }), loadCatalog()]);
    return { users: users.data, resources: catalog.resources };
  }, []);
  const email = useSignal('');
  const name = useSignal('');
  const role = useSignal('staff');
  const resourceIds = useSignal<string[]>([]);
  const invited = useSignal<{ email: string; url: string } | null>(null);
  const errors = useSignal<Record<string, string>>({});
  const error = useSignal('');
  const invite = async (event: Event) => {
    event.preventDefault();
    errors.value = {};
    error.value = '';
    invited.value = null;
    try {
      const user = await desk.users.invite({
        email: email.value,
        name: name.value,
        role: role.value as User['role'],
        resourceIds: role.value === 'staff' ? resourceIds.value : [],
      });
      invited.value = { email: user.email, url: user.invitation.url };
      email.value = '';
      name.value = '';
      resourceIds.value = [];
      await data.reload();
    } catch (failure) {
      const described = describeError(failure);
      errors.value = described.fields;
      error.value = described.message;
    }
  };
  return (
    <section>
      <Heading>{t.users.title}</Heading>
      <p>{t.users.lead}</p>
      <Loadable loader={data}>
        {({ users, resources }) => (
          <>
            <ul class="cards">
              {users.map((u) => (
                <Person key={u.id} user={u} resources={resources} onChanged={data.reload} />
              ))}
            </ul>
            <form class="card" onSubmit={invite} noValidate>
              <h2>{t.users.invite}</h2>
              <Field
                label={t.users.email}
                type="email"
                autoComplete="off"
                value={email.value}
                onValue={(v) => (email.value = v)}
                error={errors.value.email}
                required
              />
              <Field
                label={t.users.name}
                autoComplete="off"
                value={name.value}
                onValue={(v) => (name.value = v)}
                error={errors.value.name}
              />
              <Choice
                label={t.users.role}
                value={role.value}
                onValue={(v) => (role.value = v)}
                options={['staff', 'owner'].map((r) => ({ value: r, label: t.roles[r] ?? r }))}
              />
              {role.value === 'staff' && (
                <Group legend={t.users.resources}>
                  {resources.map((r) => (
                    <Check
                      key={r.id}
                      label={r.name}
                      checked={resourceIds.value.includes(r.id)}
                      onChecked={(on) =>
                        (resourceIds.value = on
                          ? [...resourceIds.value, r.id]
                          : resourceIds.value.filter((id) => id !== r.id))
                      }
                    />
                  ))}
                  {errors.value.resourceIds && <p class="error">{errors.value.resourceIds}</p>}
                </Group>
              )}
              <ErrorNote message={error.value} />
              <button type="submit" class="primary">
                {t.users.send}
              </button>
              {invited.value && <InviteLink email={invited.value.email} url={invited.value.url} />}
            </form>
          </>
        )}
      </Loadable>
    </section>
  );
}

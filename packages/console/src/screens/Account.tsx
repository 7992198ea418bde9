/**
 * @module The signed-in person's own account: who they are, changing the password (which ends
 * their other sessions), signing out here or everywhere.
 */
import { useSignal } from '@preact/signals';
import { desk } from '../api.js';
import { Field } from '../components/Field.js';
import { Heading } from '../components/Heading.js';
import { DoneNote, ErrorNote } from '../components/Notice.js';
import { describeError } from '../errors.js';
import { t } from '../i18n/index.js';
import { navigate } from '../router.js';
import { session } from '../state/session.js';

export default function Account() {
  const current = useSignal('');
  const fresh = useSignal('');
  const errors = useSignal<Record<string, string>>({});
  const error = useSignal('');
  const done = useSignal('');
  const busy = useSignal(false);
  const me = session.value!;

  const change = async (event: Event) => {
    event.preventDefault();
    busy.value = true;
    error.value = '';
    errors.value = {};
    done.value = '';
    try {
      await desk.session.changePassword({ currentPassword: current.value, newPassword: fresh.value });
      current.value = '';
      fresh.value = '';
      done.value = t.account.passwordChanged;
    } catch (failure) {
      const described = describeError(failure);
      errors.value = described.fields;
      error.value = described.message;
    } finally {
      busy.value = false;
    }
  };
  const leave = async (everywhere: boolean) => {
    try {
      await (everywhere ? desk.session.signOutEverywhere() : desk.session.signOut());
      session.value = null;
      navigate('/sign-in');
    } catch (failure) {
      error.value = describeError(failure).message;
    }
  };

  return (
    <section>
      <Heading>{t.account.title}</Heading>
      <p>{t.account.signedInAs(me.user.name, me.user.email, t.roles[me.user.role] ?? me.user.role)}</p>
      <form class="card" onSubmit={change} noValidate>
        <h2>{t.account.changePassword}</h2>
        <input type="email" name="email" autoComplete="username" value={me.user.email} hidden readOnly />
        <Field
          label={t.account.currentPassword}
          type="password"
          autoComplete="current-password"
          value={current.value}
          onValue={(v) => (current.value = v)}
          error={errors.value.currentPassword}
        />
        <Field
          label={t.account.newPassword}
          type="password"
          autoComplete="new-password"
          hint={t.accept.passwordHint}
          value={fresh.value}
          onValue={(v) => (fresh.value = v)}
          error={errors.value.newPassword}
        />
        <ErrorNote message={Object.keys(errors.value).length ? '' : error.value} />
        <DoneNote message={done.value} />
        <button type="submit" class="primary" disabled={busy.value}>
          {busy.value ? t.saving : t.account.changePassword}
        </button>
      </form>
      <div class="card">
        <button type="button" onClick={() => void leave(false)}>
          {t.account.signOut}
        </button>
        <p class="hint">{t.account.signOutEverywhereHint}</p>
        <button type="button" class="danger" onClick={() => void leave(true)}>
          {t.account.signOutEverywhere}
        </button>
      </div>
    </section>
  );
}

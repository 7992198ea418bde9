/**
 * @module The page a one-time link opens (`/console/setup#token=…` for a new business's owner,
 * `/console/invite#token=…` for someone invited): says what it is for, then takes a password and
 * signs the person in. The token is read from the fragment and removed from the address bar.
 */

import type { InvitationInfo } from '@frontdesk/sdk/console';
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { desk } from '../api.js';
import { Field } from '../components/Field.js';
import { Heading } from '../components/Heading.js';
import { ErrorNote, Loading } from '../components/Notice.js';
import { describeError } from '../errors.js';
import { t } from '../i18n/index.js';
import { navigate, place } from '../router.js';
import { session } from '../state/session.js';

/** Read once: the fragment is cleared from the address bar right after. */
let tokenOfPage: string | undefined;

export default function AcceptLink() {
  tokenOfPage ??= new URLSearchParams(place.value.hash).get('token') ?? '';
  const token = tokenOfPage;
  const info = useSignal<InvitationInfo | null>(null);
  const problem = useSignal('');
  const name = useSignal('');
  const password = useSignal('');
  const fieldError = useSignal('');
  const error = useSignal('');
  const busy = useSignal(false);

  useEffect(() => {
    // Keep the token out of the history and of anything that reads the address later.
    if (place.value.hash) history.replaceState(null, '', location.pathname);
    if (!token) {
      problem.value = t.accept.noToken;
      return;
    }
    desk.invitations.lookup(token).then(
      (found) => {
        info.value = found;
        name.value = found.name;
      },
      (failure: unknown) => (problem.value = describeError(failure).message),
    );
  }, []);

  const submit = async (event: Event) => {
    event.preventDefault();
    busy.value = true;
    error.value = '';
    fieldError.value = '';
    try {
      session.value = await desk.invitations.accept({ token, password: password.value, name: name.value });
      tokenOfPage = undefined;
      navigate(info.value?.purpose === 'setup' ? '/start' : '/agenda', { replace: true });
    } catch (failure) {
      const described = describeError(failure);
      fieldError.value = described.fields.password ?? '';
      error.value = described.message;
    } finally {
      busy.value = false;
    }
  };

  if (problem.value) {
    return (
      <section class="card narrow">
        <Heading>{t.accept.inviteTitle}</Heading>
        <ErrorNote message={problem.value} />
      </section>
    );
  }
  if (!info.value) return <Loading />;
  const found = info.value;
  return (
    <section class="card narrow">
      <Heading>{found.purpose === 'setup' ? t.accept.setupTitle : t.accept.inviteTitle}</Heading>
      <p>{t.accept.lead(found.businessName, found.email)}</p>
      <form onSubmit={submit} noValidate>
        <input type="email" name="email" autoComplete="username" value={found.email} hidden readOnly />
        <Field
          label={t.accept.name}
          autoComplete="name"
          value={name.value}
          onValue={(v) => (name.value = v)}
        />
        <Field
          label={t.accept.password}
          type="password"
          autoComplete="new-password"
          hint={t.accept.passwordHint}
          error={fieldError.value}
          value={password.value}
          onValue={(v) => (password.value = v)}
          required
        />
        <ErrorNote message={fieldError.value ? '' : error.value} />
        <button type="submit" class="primary" disabled={busy.value}>
          {busy.value ? t.saving : t.accept.submit}
        </button>
      </form>
    </section>
  );
}

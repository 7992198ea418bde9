/**
 * @module Signing in: email and password. A wrong pair and an unknown email get the same words
 * (the API makes sure of that); too many attempts say when to come back.
 */
import { useSignal } from '@preact/signals';
import { desk } from '../api.js';
import { Field } from '../components/Field.js';
import { Heading } from '../components/Heading.js';
import { ErrorNote } from '../components/Notice.js';
import { describeError } from '../errors.js';
import { t } from '../i18n/index.js';
import { session } from '../state/session.js';

export default function SignIn() {
  const email = useSignal('');
  const password = useSignal('');
  const error = useSignal('');
  const busy = useSignal(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    busy.value = true;
    error.value = '';
    try {
      session.value = await desk.session.signIn(email.value, password.value);
      // The shell sends the person on to their first screen.
    } catch (failure) {
      error.value = describeError(failure).message;
      password.value = '';
    } finally {
      busy.value = false;
    }
  };
  return (
    <section class="card narrow">
      <Heading>{t.signIn.title}</Heading>
      <p>{t.signIn.lead}</p>
      <form onSubmit={submit} noValidate>
        <Field
          label={t.signIn.email}
          type="email"
          autoComplete="username"
          value={email.value}
          onValue={(v) => (email.value = v)}
          required
        />
        <Field
          label={t.signIn.password}
          type="password"
          autoComplete="current-password"
          value={password.value}
          onValue={(v) => (password.value = v)}
          required
        />
        <ErrorNote message={error.value} />
        <button type="submit" class="primary" disabled={busy.value}>
          {busy.value ? t.loading : t.signIn.submit}
        </button>
      </form>
    </section>
  );
}

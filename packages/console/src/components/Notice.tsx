/**
 * @module Messages: a form's error (announced at once, `role="alert"`), a success note (polite
 * status), and the loading line.
 */
import { t } from '../i18n/index.js';

export function ErrorNote({ message }: { message?: string | undefined }) {
  if (!message) return null;
  return (
    <p class="notice notice--error" role="alert">
      {message}
    </p>
  );
}

export function DoneNote({ message }: { message?: string | undefined }) {
  return (
    <p class="notice notice--done" role="status">
      {message ?? ''}
    </p>
  );
}

export function Loading() {
  return (
    <p class="loading" role="status">
      {t.loading}
    </p>
  );
}

/**
 * @module A key or signing secret shown the one time the API hands it over: in a read-only field
 * (its text selected, so Ctrl+C works where the clipboard API is refused), a Copy button, and a
 * plain warning that it will not be shown again. It takes the focus when it appears, so a screen
 * reader reads it at once.
 */
import { useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import { DoneNote } from '../components/Notice.js';
import { t } from '../i18n/index.js';

interface SecretOnceProps {
  title: string;
  /** The field's label (`Your new key`, `Signing secret`). */
  label: string;
  value: string;
  /** More words under the warning (e.g. how long the previous secret still signs). */
  children?: ComponentChildren;
  onDone: () => void;
}

export function SecretOnce({ title, label, value, children, onDone }: SecretOnceProps) {
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  const copied = useSignal('');
  const fallback = useSignal(false);
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, [value]);
  const copy = async () => {
    copied.value = '';
    fallback.value = false;
    try {
      await navigator.clipboard.writeText(value);
      copied.value = t.secretOnce.copied;
    } catch {
      // No clipboard (refused, or not a secure context): select the text for the person to copy.
      fallback.value = true;
      field.current?.focus();
      field.current?.select();
    }
  };
  return (
    <section class="card secret-once" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p class="notice notice--warn">{t.secretOnce.warning}</p>
      {children}
      <div class="field">
        <label for={id}>{label}</label>
        <input
          ref={field}
          id={id}
          class="secret-value"
          type="text"
          readOnly
          value={value}
          spellcheck={false}
          autoComplete="off"
          onFocus={(event) => (event.currentTarget as HTMLInputElement).select()}
        />
      </div>
      <div class="actions">
        <button type="button" class="primary" onClick={() => void copy()}>
          {t.secretOnce.copy}
        </button>
        <button type="button" onClick={onDone}>
          {t.secretOnce.done}
        </button>
      </div>
      <DoneNote message={copied.value} />
      {fallback.value && (
        <p class="notice notice--error" role="alert">
          {t.secretOnce.copyFallback}
        </p>
      )}
    </section>
  );
}

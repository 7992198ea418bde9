/**
 * @module A key or signing secret shown the one time the API hands it over: in a read-only field
 * (its text selected, so Ctrl+C works where the clipboard API is refused), a Copy button, and a
 * plain warning that it will not be shown again. It takes the focus when it appears, so a screen
 * reader reads it at once.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import { CopyButton } from '../components/CopyButton.js';
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
  /** On show, and where the clipboard is refused: the text selected in its field, for Ctrl+C. */
  const select = () => {
    field.current?.focus();
    field.current?.select();
  };
  useEffect(select, [value]);
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
        <CopyButton text={value} label={t.secretOnce.copy} select={select} />
        <button type="button" onClick={onDone}>
          {t.secretOnce.done}
        </button>
      </div>
    </section>
  );
}

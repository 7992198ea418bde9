/**
 * @module "Really?" for a step that cannot be undone (revoking a key, deleting an endpoint), shown
 * in place next to what it is about: the question, the button that does it (it takes the focus
 * when the question appears, so Enter confirms and Tab reaches "keep"), one that keeps things as
 * they are, and why the last try failed.
 */
import { useEffect, useRef } from 'preact/hooks';
import { ErrorNote } from '../components/Notice.js';

interface ConfirmProps {
  question: string;
  confirm: string;
  keep: string;
  error?: string | undefined;
  busy?: boolean;
  onConfirm: () => void;
  onKeep: () => void;
}

export function Confirm({ question, confirm, keep, error, busy, onConfirm, onKeep }: ConfirmProps) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  return (
    <fieldset class="confirm">
      <legend>{question}</legend>
      <button type="button" class="danger" ref={button} disabled={busy} onClick={onConfirm}>
        {confirm}
      </button>{' '}
      <button type="button" onClick={onKeep}>
        {keep}
      </button>
      <ErrorNote message={error} />
    </fieldset>
  );
}

/**
 * @module A copy button: writes the text to the clipboard and says so; when the browser refuses
 * (no permission, an insecure origin), it selects the text on screen instead (`select`) and asks
 * the person to copy it themselves, so copying never silently fails.
 */
import { useSignal } from '@preact/signals';
import { t } from '../i18n/index.js';
import { DoneNote, ErrorNote } from './Notice.js';

export function CopyButton({ text, label, select }: { text: string; label: string; select: () => void }) {
  const copied = useSignal('');
  const refused = useSignal('');
  const copy = async () => {
    copied.value = '';
    refused.value = '';
    try {
      await navigator.clipboard.writeText(text);
      copied.value = t.clipboard.copied;
    } catch {
      select();
      refused.value = t.clipboard.selected;
    }
  };
  return (
    <>
      <button type="button" class="primary" onClick={() => void copy()}>
        {label}
      </button>
      <DoneNote message={copied.value} />
      <ErrorNote message={refused.value} />
    </>
  );
}

/** Selects the whole text of `element` (a `<pre>` or `<code>`) for the person to copy. */
export function selectContents(element: Element | null): void {
  if (!element) return;
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.selectAllChildren(element);
}

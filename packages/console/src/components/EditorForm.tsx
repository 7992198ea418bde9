/**
 * @module The form of an add-or-edit screen (`useEditor`): its title, the fields it is given, the
 * save button (busy while the call runs, *Save* when editing, the screen's own word when adding),
 * *Cancel* while editing, and the API's refusal.
 */
import type { ComponentChildren } from 'preact';
import { t } from '../i18n/index.js';
import type { Editor } from '../state/editor.js';
import { ErrorNote } from './Notice.js';

interface EditorFormProps {
  /** The form's id, as given to `useEditor` (`formId`). */
  id: string;
  editor: Editor<never, unknown>;
  title: string;
  /** The save button's word when adding (`Add product`). */
  create: string;
  children: ComponentChildren;
}

export function EditorForm({ id, editor, title, create, children }: EditorFormProps) {
  const { busy, editing, problem, submit, edit } = editor;
  return (
    <form id={id} class="card" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
      <button type="submit" class="primary" disabled={busy.value}>
        {busy.value ? t.saving : editing.value ? t.save : create}
      </button>{' '}
      {editing.value && (
        <button type="button" onClick={() => edit(null)}>
          {t.cancel}
        </button>
      )}
      <ErrorNote message={problem.value} />
    </form>
  );
}

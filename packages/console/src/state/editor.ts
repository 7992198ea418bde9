/**
 * @module One form that adds an item or edits the chosen one (products, locations): the draft, which
 * item is being edited, the busy flag that stops a double submit, the API's refusal (in words and by
 * field) and the note after a save. The screens keep only their fields and table.
 */
import { useSignal } from '@preact/signals';
import { describeError } from '../errors.js';

export interface EditorOptions<Item, Draft> {
  blank: Draft;
  /** The item's key (a SKU, a location id): fixed once made. */
  keyOf: (item: Item) => string;
  toDraft: (item: Item) => Draft;
  /** Creates (`key` null) or updates the item; answers the note to show. */
  save: (draft: Draft, key: string | null) => Promise<string>;
  /** Called after a save, e.g. to reload the list. */
  onSaved: () => Promise<void> | void;
  /** The form's id: editing scrolls to it and focuses its first field. */
  formId: string;
}

/** What `useEditor` answers: the form's state and its actions. */
export type Editor<Item, Draft> = ReturnType<typeof useEditor<Item, Draft>>;

export function useEditor<Item, Draft>(options: EditorOptions<Item, Draft>) {
  /** The key of the item being edited, or null for a new one. */
  const editing = useSignal<string | null>(null);
  const draft = useSignal<Draft>(options.blank);
  const busy = useSignal(false);
  const problem = useSignal('');
  const fields = useSignal<Record<string, string>>({});
  const done = useSignal('');

  const edit = (item: Item | null) => {
    editing.value = item === null ? null : options.keyOf(item);
    draft.value = item === null ? options.blank : options.toDraft(item);
    problem.value = '';
    fields.value = {};
    const form = document.getElementById(options.formId);
    form?.scrollIntoView({ block: 'nearest' });
    form?.querySelector<HTMLElement>('input:not([disabled]), textarea')?.focus();
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy.peek()) return;
    busy.value = true;
    problem.value = '';
    fields.value = {};
    done.value = '';
    try {
      done.value = await options.save(draft.peek(), editing.peek());
      editing.value = null;
      draft.value = options.blank;
      await options.onSaved();
    } catch (failure) {
      const described = describeError(failure);
      problem.value = described.message;
      fields.value = described.fields;
    } finally {
      busy.value = false;
    }
  };
  /** A setter for one field of the draft, for `onValue`. */
  const set =
    <K extends keyof Draft>(name: K) =>
    (value: Draft[K]) =>
      (draft.value = { ...draft.value, [name]: value });
  return { editing, draft, busy, problem, fields, done, edit, submit, set };
}

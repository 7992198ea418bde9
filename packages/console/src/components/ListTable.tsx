/**
 * @module The console's list table: scrolls sideways on a narrow screen, a caption for screen
 * readers, and one header cell per column — numbers right-aligned, and columns of row actions
 * named for screen readers only. The rows are the screen's own.
 */
import type { ComponentChildren } from 'preact';

/** A column's header: its words, or words with how it shows. */
export type Column = string | { label: string; numeric?: boolean; hidden?: boolean };

interface ListTableProps {
  /** What the table lists, read by screen readers (and by tests: `getByRole('table', { name })`). */
  caption?: string;
  /** More classes beside `list`. */
  class?: string;
  columns: Column[];
  children: ComponentChildren;
}

export function ListTable({ caption, class: extra, columns, children }: ListTableProps) {
  return (
    <div class="table-scroll">
      <table class={extra ? `list ${extra}` : 'list'}>
        {caption !== undefined && <caption class="sr-only">{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column, i) => {
              const { label, numeric, hidden } = typeof column === 'string' ? { label: column } : column;
              return (
                <th key={i} scope="col" class={numeric ? 'number' : undefined}>
                  {hidden ? <span class="sr-only">{label}</span> : label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

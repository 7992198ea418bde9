/**
 * @module Popup mode: a button that opens the flow in a modal `<dialog>`. The browser's modal
 * dialog makes the rest of the page inert (focus stays inside, Escape closes); on close, focus goes
 * back to the button that opened it.
 */
import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { useEnv } from './env.js';

/**
 * A modal dialog already makes the page behind it inert, but Tab can still leave for the browser's
 * own UI; cycling between the first and last control keeps keyboard users in the flow.
 */
function trapTab(event: KeyboardEvent): void {
  if (event.key !== 'Tab') return;
  const dialog = event.currentTarget as HTMLDialogElement;
  const focusable = [
    ...dialog.querySelectorAll<HTMLElement>('button,a[href],input,select,textarea,[tabindex="0"]'),
  ].filter((el) => !el.hasAttribute('disabled') && el.tabIndex >= 0 && el.offsetParent !== null);
  const first = focusable[0];
  const last = focusable.at(-1);
  const active = (dialog.getRootNode() as ShadowRoot).activeElement;
  if (event.shiftKey && active === first) {
    event.preventDefault();
    last?.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first?.focus();
  }
}

export function Popup({ children }: { children: ComponentChildren }) {
  const { t } = useEnv();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        ref={opener}
        type="button"
        class="primary"
        aria-haspopup="dialog"
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
      >
        {t.open}
      </button>
      <dialog
        ref={dialog}
        aria-label={t.open}
        onKeyDown={trapTab}
        onClose={() => {
          setOpen(false);
          opener.current?.focus();
        }}
      >
        <div class="fd-pop">
          <div class="row end">
            <button type="button" aria-label={t.close} onClick={() => dialog.current?.close()}>
              <span aria-hidden="true">×</span>
            </button>
          </div>
          {open ? children : null}
        </div>
      </dialog>
    </>
  );
}

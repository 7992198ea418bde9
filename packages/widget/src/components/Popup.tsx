/**
 * @module Popup mode: a button that opens the flow in a modal `<dialog>`. The browser's modal
 * dialog makes the rest of the page inert (focus stays inside, Escape closes); on close, focus goes
 * back to the button that opened it.
 */
import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { useEnv } from './env.js';

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

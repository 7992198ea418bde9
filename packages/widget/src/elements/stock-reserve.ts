/**
 * @module The optional "Reserve for pickup" part of `<frontdesk-stock reserve>`: a button that
 * opens a short form (shop, quantity, name, email) and posts a click-and-collect reservation. The
 * request carries an Idempotency-Key made once per submission, so a retry after a lost answer
 * never reserves twice. Plain DOM, text through `textContent` only; nothing throws into the page.
 */
import type { Reservation } from '@frontdesk/core';
import type { StockMessages } from '../i18n/stock.js';
import type { StockView } from '../state/stock-feed.js';

export interface ReserveOptions {
  /** API base including `/v1`. */
  base: string;
  key: string;
  sku: string;
  /** The `location` attribute: reserve there only. */
  location: string | null;
  t: StockMessages;
  /** The language the element speaks: sent with the reservation, so mail to the customer uses it. */
  locale: string;
  onReserved(reservation: Reservation): void;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  text?: string,
) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

let formCount = 0;

/** Builds the reserve UI; call the returned `update` with every new stock view. */
export function createReserve(options: ReserveOptions) {
  const { t } = options;
  const id = `fdr${++formCount}`;
  const root = el('div', { class: 'rsv' });
  const open = el('button', { type: 'button', 'aria-expanded': 'false', 'aria-controls': id }, t.reserve);
  const form = el('form', { id, hidden: '', novalidate: '' });
  // Label and control side by side, tied by id (ids are scoped to the shadow root): a label that
  // wrapped a <select> would make the selected option part of the control's accessible name.
  const field = (label: string, input: HTMLInputElement | HTMLSelectElement) => {
    input.id = `${id}-${input.name}`;
    const wrap = el('div', { class: 'fld' });
    wrap.append(el('label', { for: input.id }, label), input);
    return wrap;
  };
  const shop = el('select', { name: 'shop', required: '' });
  const quantity = el('input', { name: 'quantity', type: 'number', min: '1', value: '1', required: '' });
  const name = el('input', { name: 'name', autocomplete: 'name', required: '', maxlength: '200' });
  const email = el('input', {
    name: 'email',
    type: 'email',
    autocomplete: 'email',
    required: '',
    maxlength: '254',
  });
  const submit = el('button', { type: 'submit', class: 'primary' }, t.submit);
  const cancel = el('button', { type: 'button' }, t.cancel);
  const message = el('p', { role: 'alert', class: 'msg' });
  const shopField = field(t.shop, shop);
  const actions = el('div', { class: 'row' });
  actions.append(submit, cancel);
  form.append(
    shopField,
    field(t.quantity, quantity),
    field(t.name, name),
    field(t.email, email),
    actions,
    message,
  );
  root.append(open, form);

  let latest: Extract<StockView, { kind: 'ready' }> | undefined;
  let idempotencyKey: string | undefined;
  let busy = false;

  const reservable = () =>
    (latest?.stock.locations ?? []).filter(
      (l) => l.available > 0 && (options.location === null || l.locationId === options.location),
    );
  const setOpen = (value: boolean) => {
    form.hidden = !value;
    open.setAttribute('aria-expanded', String(value));
    if (value) (reservable().length > 1 && options.location === null ? shop : quantity).focus();
  };
  open.addEventListener('click', () => setOpen(form.hidden));
  cancel.addEventListener('click', () => {
    setOpen(false);
    open.focus();
  });
  // Any edit makes it a new request: a new idempotency key.
  form.addEventListener('input', () => {
    idempotencyKey = undefined;
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) return;
    if (!name.value.trim() || !email.checkValidity() || !quantity.checkValidity()) {
      message.textContent = t.checkFields;
      return;
    }
    busy = true;
    submit.disabled = true;
    message.textContent = t.sending;
    idempotencyKey ??= crypto.randomUUID();
    const body = {
      sku: options.sku,
      locationId: shop.value,
      quantity: Number(quantity.value),
      customer: {
        name: name.value.trim(),
        email: email.value.trim(),
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      },
      locale: options.locale,
    };
    let text: string;
    try {
      const res = await fetch(`${options.base}/reservations`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${options.key}`,
          'Content-Type': 'application/json',
          'Idempotency-Key': idempotencyKey,
        },
        body: JSON.stringify(body),
      });
      const answer = (await res.json().catch(() => ({}))) as Reservation & { code?: string };
      if (res.status === 201) {
        const until = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(
          new Date(answer.expiresAt),
        );
        text = t.reserved(latest?.locationNames[body.locationId] ?? body.locationId, until);
        form.reset();
        idempotencyKey = undefined;
        setOpen(false);
        options.onReserved(answer);
      } else {
        text =
          answer.code === 'insufficient_stock'
            ? t.notEnough
            : answer.code === 'validation_failed'
              ? t.checkFields
              : t.failed;
      }
    } catch {
      text = t.failed;
    }
    busy = false;
    submit.disabled = false;
    // Shown beside the button when the form has closed, so the confirmation stays visible.
    message.textContent = text;
    if (form.hidden) {
      const done = el('p', { role: 'status', class: 'msg' }, text);
      root.querySelector('p.done')?.remove();
      done.classList.add('done');
      root.append(done);
    }
  });

  // At most 10 a time, and never more than the chosen shop has available.
  const updateMax = () => {
    const available = reservable().find((l) => l.locationId === shop.value)?.available ?? 0;
    quantity.max = String(Math.max(1, Math.min(10, available)));
  };
  shop.addEventListener('change', updateMax);

  return {
    element: root,
    update(view: Extract<StockView, { kind: 'ready' }>) {
      latest = view;
      const choices = reservable();
      const previous = shop.value;
      shop.replaceChildren(
        ...choices.map((l) =>
          el('option', { value: l.locationId }, view.locationNames[l.locationId] ?? l.locationId),
        ),
      );
      if (choices.some((l) => l.locationId === previous)) shop.value = previous;
      shopField.hidden = choices.length <= 1;
      updateMax();
      open.disabled = choices.length === 0;
    },
  };
}

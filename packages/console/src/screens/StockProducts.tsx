/**
 * @module Products (owners): the list with SKU, name, low-stock threshold and whether it is on
 * sale, and one form that adds a product or edits the chosen one (the SKU is fixed once made: the
 * till and the URLs use it).
 */
import type { Product } from '@frontdesk/sdk/console';
import { useSignal } from '@preact/signals';
import { desk } from '../api.js';
import { Check, Field } from '../components/Field.js';
import { Heading } from '../components/Heading.js';
import { Loadable } from '../components/Loadable.js';
import { DoneNote, ErrorNote } from '../components/Notice.js';
import { describeError } from '../errors.js';
import { t } from '../i18n/index.js';
import { useLoad } from '../state/load.js';
import { StockNav } from '../stock/StockNav.js';

interface Draft {
  sku: string;
  name: string;
  threshold: string;
  active: boolean;
}
const blank: Draft = { sku: '', name: '', threshold: '3', active: true };

export default function StockProducts() {
  const list = useLoad(() => desk.products.list({ limit: 100 }), []);
  /** The SKU being edited, or null for a new product. */
  const editing = useSignal<string | null>(null);
  const draft = useSignal<Draft>(blank);
  const busy = useSignal(false);
  const problem = useSignal('');
  const fields = useSignal<Record<string, string>>({});
  const done = useSignal('');

  const edit = (product: Product | null) => {
    editing.value = product?.sku ?? null;
    draft.value = product
      ? {
          sku: product.sku,
          name: product.name,
          threshold: String(product.lowStockThreshold),
          active: product.active,
        }
      : blank;
    problem.value = '';
    fields.value = {};
    document.getElementById('product-form-title')?.scrollIntoView({ block: 'nearest' });
    document.querySelector<HTMLInputElement>('#product-form input:not([disabled])')?.focus();
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy.peek()) return;
    busy.value = true;
    problem.value = '';
    fields.value = {};
    done.value = '';
    const form = draft.peek();
    const common = { name: form.name, lowStockThreshold: Number(form.threshold), active: form.active };
    try {
      const saved = editing.peek()
        ? await desk.products.update(editing.peek()!, common)
        : await desk.products.create({ sku: form.sku, ...common });
      done.value = t.stock.savedProduct(saved.name);
      editing.value = null;
      draft.value = blank;
      await list.reload();
    } catch (failure) {
      const described = describeError(failure);
      problem.value = described.message;
      fields.value = described.fields;
    } finally {
      busy.value = false;
    }
  };
  const set = (name: 'sku' | 'name' | 'threshold') => (value: string) =>
    (draft.value = { ...draft.value, [name]: value });
  const value = draft.value;

  return (
    <section>
      <Heading>{t.stock.productsTitle}</Heading>
      <StockNav />
      <DoneNote message={done.value} />
      <Loadable loader={list}>
        {(page) =>
          page.data.length === 0 ? (
            <p>{t.stock.noProducts}</p>
          ) : (
            <div class="table-scroll">
              <table class="list">
                <caption class="sr-only">{t.stock.productsTitle}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.stock.name}</th>
                    <th scope="col">{t.stock.sku}</th>
                    <th scope="col" class="number">
                      {t.stock.threshold}
                    </th>
                    <th scope="col">{t.stock.status}</th>
                    <th scope="col">
                      <span class="sr-only">{t.stock.actions}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {page.data.map((p) => (
                    <tr key={p.sku}>
                      <th scope="row">{p.name}</th>
                      <td>{p.sku}</td>
                      <td class="number">{p.lowStockThreshold}</td>
                      <td>{p.active ? t.stock.onSale : <span class="pill">{t.stock.inactive}</span>}</td>
                      <td>
                        <button
                          type="button"
                          onClick={() => edit(p)}
                          aria-label={t.stock.editProduct(p.name)}
                        >
                          {t.edit}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loadable>
      <form id="product-form" class="card" onSubmit={submit} aria-labelledby="product-form-title">
        <h2 id="product-form-title">
          {editing.value ? t.stock.editFor(value.name || editing.value) : t.stock.newProduct}
        </h2>
        <div class="grid">
          <Field
            label={t.stock.sku}
            hint={t.stock.skuHint}
            value={value.sku}
            onValue={set('sku')}
            disabled={editing.value !== null}
            required
            error={fields.value.sku}
          />
          <Field
            label={t.stock.name}
            value={value.name}
            onValue={set('name')}
            required
            error={fields.value.name}
          />
          <Field
            label={t.stock.threshold}
            hint={t.stock.thresholdHint}
            type="number"
            min={0}
            step="1"
            value={value.threshold}
            onValue={set('threshold')}
            error={fields.value.lowStockThreshold}
          />
        </div>
        <Check
          label={t.stock.active}
          checked={value.active}
          onChecked={(active) => (draft.value = { ...draft.value, active })}
          error={fields.value.active}
        />
        <button type="submit" class="primary" disabled={busy.value}>
          {busy.value ? t.saving : editing.value ? t.save : t.stock.create}
        </button>{' '}
        {editing.value && (
          <button type="button" onClick={() => edit(null)}>
            {t.cancel}
          </button>
        )}
        <ErrorNote message={problem.value} />
      </form>
    </section>
  );
}

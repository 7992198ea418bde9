/**
 * @module Products (owners): the list with SKU, name, low-stock threshold and whether it is on
 * sale, and one form that adds a product or edits the chosen one (the SKU is fixed once made: the
 * till and the URLs use it).
 */
import type { Product } from '@frontdesk/sdk/console';
import { desk } from '../api.js';
import { EditorForm } from '../components/EditorForm.js';
import { Check, Field } from '../components/Field.js';
import { Heading } from '../components/Heading.js';
import { ListTable } from '../components/ListTable.js';
import { Loadable } from '../components/Loadable.js';
import { DoneNote } from '../components/Notice.js';
import { t } from '../i18n/index.js';
import { useEditor } from '../state/editor.js';
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
  const editor = useEditor<Product, Draft>({
    blank,
    keyOf: (product) => product.sku,
    toDraft: (product) => ({
      sku: product.sku,
      name: product.name,
      threshold: String(product.lowStockThreshold),
      active: product.active,
    }),
    save: async (form, sku) => {
      const common = { name: form.name, lowStockThreshold: Number(form.threshold), active: form.active };
      const saved = sku
        ? await desk.products.update(sku, common)
        : await desk.products.create({ sku: form.sku, ...common });
      return t.stock.savedProduct(saved.name);
    },
    onSaved: () => list.reload(),
    formId: 'product-form',
  });
  const { editing, draft, fields, done, edit, set } = editor;
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
            <ListTable
              caption={t.stock.productsTitle}
              columns={[
                t.stock.name,
                t.stock.sku,
                { label: t.stock.threshold, numeric: true },
                t.stock.status,
                { label: t.stock.actions, hidden: true },
              ]}
            >
              {page.data.map((p) => (
                <tr key={p.sku}>
                  <th scope="row">{p.name}</th>
                  <td>{p.sku}</td>
                  <td class="number">{p.lowStockThreshold}</td>
                  <td>{p.active ? t.stock.onSale : <span class="pill">{t.stock.inactive}</span>}</td>
                  <td>
                    <button type="button" onClick={() => edit(p)} aria-label={t.stock.editProduct(p.name)}>
                      {t.edit}
                    </button>
                  </td>
                </tr>
              ))}
            </ListTable>
          )
        }
      </Loadable>
      <EditorForm
        id="product-form"
        editor={editor}
        title={editing.value ? t.stock.editFor(value.name || editing.value) : t.stock.newProduct}
        create={t.stock.create}
      >
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
          onChecked={set('active')}
          error={fields.value.active}
        />
      </EditorForm>
    </section>
  );
}

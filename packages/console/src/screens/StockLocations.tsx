/**
 * @module Locations (owners): the shops and stores stock is kept at — the list, and one form that adds
 * a location (with the till's own id, if it has one) or edits the chosen one's name, address and
 * whether it is open. A closed location keeps its ledger; its stock is no longer shown or sold.
 */
import type { Location } from '@frontdesk/sdk/console';
import { desk } from '../api.js';
import { EditorForm } from '../components/EditorForm.js';
import { Check, Field, TextArea } from '../components/Field.js';
import { Heading } from '../components/Heading.js';
import { ListTable } from '../components/ListTable.js';
import { Loadable } from '../components/Loadable.js';
import { DoneNote } from '../components/Notice.js';
import { t } from '../i18n/index.js';
import { useEditor } from '../state/editor.js';
import { useLoad } from '../state/load.js';
import { StockNav } from '../stock/StockNav.js';

interface Draft {
  id: string;
  name: string;
  address: string;
  active: boolean;
}
const blank: Draft = { id: '', name: '', address: '', active: true };

export default function StockLocations() {
  const list = useLoad(() => desk.locations.list({ limit: 100 }), []);
  const editor = useEditor<Location, Draft>({
    blank,
    keyOf: (location) => location.id,
    toDraft: ({ id, name, address, active }) => ({ id, name, address, active }),
    save: async (form, id) => {
      const common = { name: form.name, address: form.address, active: form.active };
      const saved = id
        ? await desk.locations.update(id, common)
        : await desk.locations.create({ ...(form.id.trim() ? { id: form.id.trim() } : {}), ...common });
      return t.stock.savedLocation(saved.name);
    },
    onSaved: () => list.reload(),
    formId: 'location-form',
  });
  const { editing, draft, fields, done, edit, set } = editor;
  const value = draft.value;

  return (
    <section>
      <Heading>{t.stock.locationsTitle}</Heading>
      <StockNav />
      <DoneNote message={done.value} />
      <Loadable loader={list}>
        {(page) =>
          page.data.length === 0 ? (
            <p>{t.stock.noLocations}</p>
          ) : (
            <ListTable
              caption={t.stock.locationsTitle}
              columns={[
                t.stock.name,
                t.stock.locationId,
                t.stock.address,
                t.stock.status,
                { label: t.stock.actions, hidden: true },
              ]}
            >
              {page.data.map((l) => (
                <tr key={l.id}>
                  <th scope="row">{l.name}</th>
                  <td>{l.id}</td>
                  <td class="address">{l.address}</td>
                  <td>
                    {l.active ? t.stock.openLocation : <span class="pill">{t.stock.closedLocation}</span>}
                  </td>
                  <td>
                    <button type="button" onClick={() => edit(l)} aria-label={t.stock.editLocation(l.name)}>
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
        id="location-form"
        editor={editor}
        title={editing.value ? t.stock.editFor(value.name || editing.value) : t.stock.newLocation}
        create={t.stock.createLocation}
      >
        <div class="grid">
          <Field
            label={t.stock.locationId}
            hint={t.stock.locationIdHint}
            value={value.id}
            onValue={set('id')}
            disabled={editing.value !== null}
            error={fields.value.id}
          />
          <Field
            label={t.stock.name}
            value={value.name}
            onValue={set('name')}
            required
            error={fields.value.name}
          />
        </div>
        <TextArea
          label={t.stock.address}
          value={value.address}
          onValue={set('address')}
          error={fields.value.address}
        />
        <Check
          label={t.stock.locationActive}
          checked={value.active}
          onChecked={set('active')}
          error={fields.value.active}
        />
      </EditorForm>
    </section>
  );
}

/**
 * @module The list of resources (people, rooms, equipment), each linking to its editor.
 */
import { Heading } from '../components/Heading.js';
import { Loadable } from '../components/Loadable.js';
import { t } from '../i18n/index.js';
import { link } from '../router.js';
import { refreshCatalog } from '../state/catalog.js';
import { useLoad } from '../state/load.js';

export default function Resources() {
  const catalog = useLoad(refreshCatalog, []);
  return (
    <section>
      <div class="toolbar">
        <Heading>{t.resources.title}</Heading>
        <a class="button primary" {...link('/resources/new')}>
          {t.resources.add}
        </a>
      </div>
      <Loadable loader={catalog}>
        {({ resources }) =>
          resources.length === 0 ? (
            <p>{t.resources.none}</p>
          ) : (
            <ul class="cards">
              {resources.map((r) => (
                <li key={r.id} class="card">
                  <h2>
                    <a {...link(`/resources/${r.id}`)}>{r.name}</a>{' '}
                    {!r.active && <span class="pill">{t.services.inactive}</span>}
                  </h2>
                  <p>
                    {t.resources.kinds[r.kind] ?? r.kind}
                    {r.description ? ` · ${r.description}` : ''}
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </Loadable>
    </section>
  );
}

/**
 * @module The list of services, each linking to its editor.
 */
import { Heading } from '../components/Heading.js';
import { Loadable } from '../components/Loadable.js';
import { formatMoney } from '../format.js';
import { t } from '../i18n/index.js';
import { link } from '../router.js';
import { refreshCatalog } from '../state/catalog.js';
import { useLoad } from '../state/load.js';

export default function Services() {
  const catalog = useLoad(refreshCatalog, []);
  return (
    <section>
      <div class="toolbar">
        <Heading>{t.services.title}</Heading>
        <a class="button primary" {...link('/services/new')}>
          {t.services.add}
        </a>
      </div>
      <Loadable loader={catalog}>
        {({ services, resourceName }) =>
          services.length === 0 ? (
            <p>{t.services.none}</p>
          ) : (
            <ul class="cards">
              {services.map((s) => (
                <li key={s.id} class="card">
                  <h2>
                    <a {...link(`/services/${s.id}`)}>{s.name}</a>{' '}
                    {!s.active && <span class="pill">{t.services.inactive}</span>}
                  </h2>
                  <p>
                    {s.durationMinutes} min
                    {s.price ? ` · ${formatMoney(s.price.amount, s.price.currency)}` : ''}
                    {s.capacity > 1 ? ` · ${s.capacity} ×` : ''} ·{' '}
                    {s.resourceIds.map(resourceName).join(', ')}
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

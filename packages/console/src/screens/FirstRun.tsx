/**
 * @module The first-run set-up of a new business, for its owner: (1) business details and zone,
 * (2) the first resource and its weekly hours, (3) the first service, (4) the embed snippet with a
 * live preview and the hosted booking page. Each step saves through the API as it goes, so leaving
 * half-way loses nothing; the console opens here while the business has no service.
 */

import type { Resource } from '@frontdesk/sdk/console';
import { useSignal } from '@preact/signals';
import { desk } from '../api.js';
import { BusinessForm } from '../components/BusinessForm.js';
import { EmbedSnippet } from '../components/EmbedSnippet.js';
import { Heading } from '../components/Heading.js';
import { Loadable } from '../components/Loadable.js';
import { t } from '../i18n/index.js';
import { link } from '../router.js';
import { refreshCatalog } from '../state/catalog.js';
import { useLoad } from '../state/load.js';
import { ResourceForm } from './ResourceEditor.js';
import { ServiceForm } from './ServiceEditor.js';

export default function FirstRun() {
  const step = useSignal(0);
  const data = useLoad(async () => {
    const [business, catalog] = await Promise.all([desk.business.get(), refreshCatalog()]);
    return { business, catalog };
  }, []);
  const resource = useSignal<Resource | null>(null);
  const steps = t.setup.steps;
  const total = steps.length;
  return (
    <section class="setup">
      <Heading>{t.setup.title}</Heading>
      <ol class="steps" aria-label={t.setup.title}>
        {steps.map((name, i) => (
          <li
            key={name}
            aria-current={i === step.value ? 'step' : undefined}
            class={i < step.value ? 'done' : undefined}
          >
            {name}
          </li>
        ))}
      </ol>
      <h2>{t.setup.stepOf(step.value + 1, total, steps[step.value] ?? '')}</h2>
      <Loadable loader={data}>
        {({ business, catalog }) => {
          if (step.value === 0) {
            return (
              <>
                <p>{t.setup.businessLead}</p>
                <BusinessForm business={business} submitLabel={t.next} onSaved={() => (step.value = 1)} />
              </>
            );
          }
          if (step.value === 1) {
            const existing = resource.value ?? catalog.resources[0];
            return (
              <>
                <p>{t.setup.hoursLead}</p>
                <ResourceForm
                  resource={existing}
                  submitLabel={t.next}
                  onSaved={(saved) => {
                    resource.value = saved;
                    step.value = 2;
                  }}
                />
              </>
            );
          }
          if (step.value === 2) {
            const resources = resource.value
              ? [resource.value, ...catalog.resources.filter((r) => r.id !== resource.value?.id)]
              : catalog.resources;
            return (
              <>
                <p>{t.setup.serviceLead}</p>
                <ServiceForm
                  service={catalog.services[0]}
                  resources={resources}
                  currency={business.currency}
                  submitLabel={t.next}
                  onSaved={() => (step.value = 3)}
                />
              </>
            );
          }
          return (
            <>
              <EmbedSnippet />
              <p>
                <a class="button primary" {...link('/agenda')}>
                  {t.setup.finish}
                </a>
              </p>
            </>
          );
        }}
      </Loadable>
      {step.value > 0 && (
        <button type="button" class="link" onClick={() => (step.value = step.value - 1)}>
          ← {t.back}
        </button>
      )}
    </section>
  );
}

/**
 * @module Webhooks (owners): the business's endpoints — URL (to its own screen), description, event
 * types, on or off and why — and the form that adds one; the new endpoint's signing secret is shown
 * once, to copy.
 */
import type { WebhookEndpointWithSecret } from '@frontdesk/sdk/console';
import { useSignal } from '@preact/signals';
import { Heading } from '../components/Heading.js';
import { ListTable } from '../components/ListTable.js';
import { Loadable } from '../components/Loadable.js';
import { ShowMore } from '../components/ShowMore.js';
import { formatDateTime } from '../format.js';
import { t } from '../i18n/index.js';
import { EndpointForm } from '../integrations/EndpointForm.js';
import { EndpointState, endpointPath } from '../integrations/EndpointState.js';
import { hooks } from '../integrations/hooks.js';
import { IntegrationsNav } from '../integrations/IntegrationsNav.js';
import { SecretOnce } from '../integrations/SecretOnce.js';
import { link } from '../router.js';
import { usePaged } from '../state/paged.js';
import { zone } from '../state/session.js';

export default function IntegrationsWebhooks() {
  const tz = zone.value;
  const endpoints = usePaged(
    (cursor?: string) => hooks.webhookEndpoints.list({ limit: 50, ...(cursor ? { cursor } : {}) }),
    [],
  );
  const created = useSignal<WebhookEndpointWithSecret | null>(null);
  /** A new form after each endpoint made (an empty one). */
  const formKey = useSignal(0);

  return (
    <section>
      <Heading>{t.integrations.webhooks}</Heading>
      <IntegrationsNav />
      <p>{t.webhooks.lead}</p>
      {created.value && (
        <SecretOnce
          title={t.webhooks.createdTitle(created.value.url)}
          label={t.webhooks.secret}
          value={created.value.secret}
          onDone={() => (created.value = null)}
        >
          <p>
            {t.webhooks.secretLead} <a {...link(endpointPath(created.value.id))}>{t.webhooks.openEndpoint}</a>
          </p>
        </SecretOnce>
      )}
      <Loadable loader={endpoints.list}>
        {(page) => {
          const rows = endpoints.rows(page);
          if (rows.length === 0) return <p>{t.webhooks.none}</p>;
          return (
            <>
              <ListTable
                caption={t.webhooks.endpoints}
                columns={[
                  t.webhooks.url,
                  t.webhooks.description,
                  t.webhooks.events,
                  t.webhooks.state,
                  t.webhooks.created,
                ]}
              >
                {rows.map((endpoint) => (
                  <tr key={endpoint.id}>
                    <th scope="row" class="breakable">
                      <a {...link(endpointPath(endpoint.id))}>{endpoint.url}</a>
                    </th>
                    <td class="breakable">{endpoint.description}</td>
                    <td class="breakable">
                      {endpoint.events.includes('*') ? t.webhooks.allEvents : endpoint.events.join(', ')}
                    </td>
                    <td>
                      <EndpointState endpoint={endpoint} />
                    </td>
                    <td>{formatDateTime(endpoint.createdAt, tz)}</td>
                  </tr>
                ))}
              </ListTable>
              <ShowMore paged={endpoints} label={t.webhooks.more} />
            </>
          );
        }}
      </Loadable>
      <EndpointForm
        key={formKey.value}
        title={t.webhooks.createTitle}
        submitLabel={t.webhooks.create}
        save={async (input) => {
          created.value = await hooks.webhookEndpoints.create(input);
          formKey.value++;
          await endpoints.list.reload();
        }}
      />
    </section>
  );
}

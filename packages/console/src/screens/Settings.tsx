/**
 * @module Settings: the business's fields, and the embed snippet for its website.
 */
import { desk } from '../api.js';
import { BusinessForm } from '../components/BusinessForm.js';
import { EmbedSnippet } from '../components/EmbedSnippet.js';
import { Heading } from '../components/Heading.js';
import { Loadable } from '../components/Loadable.js';
import { t } from '../i18n/index.js';
import { useLoad } from '../state/load.js';

export default function Settings() {
  const business = useLoad(() => desk.business.get(), []);
  return (
    <section>
      <Heading>{t.settings.title}</Heading>
      <h2>{t.settings.business}</h2>
      <Loadable loader={business}>{(b) => <BusinessForm business={b} />}</Loadable>
      <section class="card" aria-labelledby="embed-title">
        <h2 id="embed-title">{t.settings.embed}</h2>
        <EmbedSnippet />
      </section>
    </section>
  );
}

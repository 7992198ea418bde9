/**
 * @module The embed builder (owners): a publishable key (or a new one for the website), then the
 * service, mode, theme, language and accent colour; the snippet updates as they change, with a copy
 * button, and the real widget below shows what visitors will see.
 */
import type { ApiKey } from '@frontdesk/sdk/console';
import { useSignal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import { desk } from '../api.js';
import { CopyButton, selectContents } from '../components/CopyButton.js';
import { snippetFor, type WidgetChoices, WidgetPreview } from '../components/EmbedSnippet.js';
import { Check, Choice, Field } from '../components/Field.js';
import { Heading } from '../components/Heading.js';
import { Loadable } from '../components/Loadable.js';
import { ErrorNote } from '../components/Notice.js';
import { describeError } from '../errors.js';
import { t } from '../i18n/index.js';
import { IntegrationsNav } from '../integrations/IntegrationsNav.js';
import { useLoad } from '../state/load.js';

const usable = (key: ApiKey) => key.kind === 'publishable' && key.revokedAt === null && !!key.publishableKey;
const DEFAULT_ACCENT = '#1d4ed8';

export default function EmbedBuilder() {
  const origin = location.origin;
  const data = useLoad(async () => {
    const [keys, services] = await Promise.all([
      desk.keys.list({ limit: 100 }),
      desk.services.list({ limit: 100 }),
    ]);
    return { keys: keys.data.filter(usable), services: services.data.filter((s) => s.active) };
  }, []);
  const keyId = useSignal('');
  const choices = useSignal<WidgetChoices>({ service: '', mode: 'inline', theme: 'light', lang: '' });
  const ownAccent = useSignal(false);
  const accent = useSignal(DEFAULT_ACCENT);
  const site = useSignal('');
  const problem = useSignal('');
  const siteError = useSignal('');
  const code = useRef<HTMLElement>(null);
  const choose = (change: Partial<WidgetChoices>) => (choices.value = { ...choices.value, ...change });

  const createKey = async (event: Event) => {
    event.preventDefault();
    problem.value = '';
    siteError.value = '';
    try {
      const made = await desk.keys.create({
        kind: 'publishable',
        label: 'website',
        // This console's origin too, so that the preview below can use the key.
        allowedOrigins: [...new Set([site.value.trim().replace(/\/$/, ''), origin])],
      });
      keyId.value = made.id;
      await data.reload();
    } catch (failure) {
      const described = describeError(failure);
      siteError.value = described.fields['allowedOrigins.0'] ?? '';
      problem.value = described.message;
    }
  };

  return (
    <section>
      <Heading>{t.embed.title}</Heading>
      <IntegrationsNav />
      <p>{t.embed.lead}</p>
      <Loadable loader={data}>
        {({ keys, services }) => {
          if (keys.length === 0) {
            return (
              <form class="card" aria-labelledby="new-key-title" onSubmit={(e) => void createKey(e)}>
                <h2 id="new-key-title">{t.embed.key}</h2>
                <p>{t.embed.noKey}</p>
                <Field
                  label={t.embed.site}
                  type="url"
                  value={site.value}
                  onValue={(value) => (site.value = value)}
                  hint={t.embed.siteHint}
                  error={siteError.value}
                  required
                />
                <ErrorNote message={problem.value} />
                <button type="submit" class="primary">
                  {t.embed.createKey}
                </button>
              </form>
            );
          }
          const key = keys.find((k) => k.id === keyId.value) ?? keys[0]!;
          const chosen: WidgetChoices = {
            ...choices.value,
            ...(ownAccent.value ? { accent: accent.value } : {}),
          };
          const snippet = snippetFor(origin, key.publishableKey!, chosen);
          return (
            <>
              <form class="card" aria-labelledby="embed-choices" onSubmit={(e) => e.preventDefault()}>
                <h2 id="embed-choices">{t.embed.choices}</h2>
                <div class="grid">
                  <Choice
                    label={t.embed.key}
                    value={key.id}
                    onValue={(value) => (keyId.value = value)}
                    hint={t.embed.keyHint}
                    options={keys.map((k) => ({ value: k.id, label: t.embed.keyOption(k.label, k.prefix) }))}
                  />
                  <Choice
                    label={t.embed.service}
                    value={choices.value.service ?? ''}
                    onValue={(service) => choose({ service })}
                    options={[
                      { value: '', label: t.embed.allServices },
                      ...services.map((s) => ({ value: s.id, label: s.name })),
                    ]}
                  />
                  <Choice
                    label={t.embed.mode}
                    value={choices.value.mode ?? 'inline'}
                    onValue={(mode) => choose({ mode })}
                    options={['inline', 'popup'].map((m) => ({ value: m, label: t.embed.modes[m] ?? m }))}
                  />
                  <Choice
                    label={t.embed.theme}
                    value={choices.value.theme ?? 'light'}
                    onValue={(theme) => choose({ theme })}
                    options={['light', 'dark', 'auto'].map((m) => ({
                      value: m,
                      label: t.embed.themes[m] ?? m,
                    }))}
                  />
                  <Choice
                    label={t.embed.language}
                    value={choices.value.lang ?? ''}
                    onValue={(lang) => choose({ lang })}
                    options={[
                      { value: '', label: t.embed.pageLanguage },
                      ...Object.entries(t.embed.languages).map(([value, label]) => ({ value, label })),
                    ]}
                  />
                </div>
                <Check
                  label={t.embed.customAccent}
                  checked={ownAccent.value}
                  onChecked={(on) => (ownAccent.value = on)}
                />
                {ownAccent.value && (
                  <Field
                    label={t.embed.accent}
                    type="color"
                    value={accent.value}
                    onValue={(value) => (accent.value = value)}
                    hint={t.embed.accentHint}
                  />
                )}
              </form>
              <section class="card" aria-labelledby="embed-snippet">
                <h2 id="embed-snippet">{t.embed.snippet}</h2>
                <pre class="snippet">
                  <code ref={code}>{snippet}</code>
                </pre>
                <CopyButton text={snippet} label={t.setup.copy} select={() => selectContents(code.current)} />
              </section>
              <section class="card" aria-labelledby="embed-preview">
                <h2 id="embed-preview">{t.embed.preview}</h2>
                <p class="hint">{t.embed.previewLead}</p>
                <WidgetPreview apiOrigin={origin} keyValue={key.publishableKey!} choices={chosen} />
              </section>
            </>
          );
        }}
      </Loadable>
    </section>
  );
}

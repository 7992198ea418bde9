/**
 * @module The first step when the page did not fix a service: one button per service, with its
 * length and price.
 */
import type { Service } from '@frontdesk/core';
import { price } from '../state/format.js';
import { useEnv } from './env.js';

export function ServiceList({ services, onChoose }: { services: Service[]; onChoose: (s: Service) => void }) {
  const { t, lang } = useEnv();
  if (!services.length) return <p class="muted">{t.noServices}</p>;
  return (
    <ul class="list">
      {services.map((s) => (
        <li key={s.id}>
          <button type="button" class="svc" onClick={() => onChoose(s)}>
            <span>
              <strong>{s.name}</strong>
              {s.description ? <span class="muted"> — {s.description}</span> : null}
            </span>
            <span>
              {t.minutes(s.durationMinutes)}
              {s.price ? ` · ${price(s.price.amount, s.price.currency, lang)}` : ''}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

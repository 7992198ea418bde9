/**
 * @module A booking for a customer on the phone or at the desk: a service, optionally a resource,
 * a date and one of its free times, then the customer. The business may book inside the notice
 * and past the horizon; never over capacity.
 */

import type { Slot } from '@frontdesk/sdk/console';
import { useSignal } from '@preact/signals';
import { desk } from '../api.js';
import { Choice, Field, TextArea } from '../components/Field.js';
import { Heading } from '../components/Heading.js';
import { Loadable } from '../components/Loadable.js';
import { ErrorNote } from '../components/Notice.js';
import { SlotPicker } from '../components/SlotPicker.js';
import { describeError } from '../errors.js';
import { todayIn } from '../format.js';
import { t } from '../i18n/index.js';
import { navigate, place } from '../router.js';
import { loadCatalog } from '../state/catalog.js';
import { useLoad } from '../state/load.js';
import { zone } from '../state/session.js';

export default function NewBooking() {
  const tz = zone.value;
  const catalog = useLoad(loadCatalog, []);
  const service = useSignal('');
  const resource = useSignal('');
  const date = useSignal(place.value.query.get('date') ?? todayIn(tz));
  const slot = useSignal<Slot | null>(null);
  const name = useSignal('');
  const email = useSignal('');
  const phone = useSignal('');
  const notes = useSignal('');
  const errors = useSignal<Record<string, string>>({});
  const error = useSignal('');
  const busy = useSignal(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    errors.value = {};
    error.value = '';
    if (!slot.value) {
      errors.value = { start: t.newBooking.chooseTime };
      error.value = t.errors.checkFields;
      return;
    }
    busy.value = true;
    try {
      const booked = await desk.bookings.create({
        service: service.value,
        start: slot.value.start,
        ...(resource.value ? { resource: resource.value } : {}),
        customer: { name: name.value, email: email.value, ...(phone.value ? { phone: phone.value } : {}) },
        notes: notes.value,
        ignoreBookingWindow: true,
      });
      navigate(`/bookings/${booked.id}`);
    } catch (failure) {
      const described = describeError(failure);
      errors.value = described.fields;
      error.value = described.message;
      // A taken time: show the times again, without the one that is gone.
      slot.value = null;
    } finally {
      busy.value = false;
    }
  };

  return (
    <section>
      <Heading>{t.newBooking.title}</Heading>
      <p>{t.newBooking.lead}</p>
      <Loadable loader={catalog}>
        {({ services, resources }) => {
          const active = services.filter((s) => s.active);
          if (!service.value && active[0]) service.value = active[0].id;
          const chosen = services.find((s) => s.id === service.value);
          const eligible = resources.filter((r) => chosen?.resourceIds.includes(r.id));
          return (
            <form class="card" onSubmit={submit} noValidate>
              <Choice
                label={t.newBooking.service}
                value={service.value}
                onValue={(v) => {
                  service.value = v;
                  resource.value = '';
                  slot.value = null;
                }}
                options={active.map((s) => ({ value: s.id, label: s.name }))}
                error={errors.value.service}
              />
              <Choice
                label={t.newBooking.resource}
                value={resource.value}
                onValue={(v) => {
                  resource.value = v;
                  slot.value = null;
                }}
                options={[
                  { value: '', label: t.newBooking.anyResource },
                  ...eligible.map((r) => ({ value: r.id, label: r.name })),
                ]}
              />
              <Field
                label={t.newBooking.date}
                type="date"
                value={date.value}
                onValue={(v) => {
                  if (v) date.value = v;
                  slot.value = null;
                }}
              />
              <SlotPicker
                legend={t.newBooking.time}
                service={service.value}
                resource={resource.value || undefined}
                date={date.value}
                zone={tz}
                value={slot.value}
                onPick={(s) => (slot.value = s)}
                error={errors.value.start}
              />
              <Field
                label={t.newBooking.name}
                autoComplete="off"
                value={name.value}
                onValue={(v) => (name.value = v)}
                error={errors.value['customer.name']}
                required
              />
              <Field
                label={t.newBooking.email}
                type="email"
                autoComplete="off"
                value={email.value}
                onValue={(v) => (email.value = v)}
                error={errors.value['customer.email']}
                required
              />
              <Field
                label={`${t.newBooking.phone} ${t.optional}`}
                type="tel"
                autoComplete="off"
                value={phone.value}
                onValue={(v) => (phone.value = v)}
                error={errors.value['customer.phone']}
              />
              <TextArea
                label={`${t.newBooking.notes} ${t.optional}`}
                value={notes.value}
                onValue={(v) => (notes.value = v)}
                error={errors.value.notes}
              />
              <ErrorNote message={error.value} />
              <button type="submit" class="primary" disabled={busy.value}>
                {busy.value ? t.saving : t.newBooking.submit}
              </button>
            </form>
          );
        }}
      </Loadable>
    </section>
  );
}

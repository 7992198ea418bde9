/**
 * @module The booking flow's screen: the heading of the current step, the step itself and the
 * live region. State lives in the flow's signals; this only reads it and calls its actions.
 */
import { useRef } from 'preact/hooks';
import type { ApiClient } from '../state/api-client.js';
import type { BookingFlow } from '../state/booking-flow.js';
import { Confirmation } from './Confirmation.js';
import { DetailsForm } from './DetailsForm.js';
import { useEnv } from './env.js';
import { Notice } from './Notice.js';
import { ServiceList } from './ServiceList.js';
import { Skeleton } from './Skeleton.js';
import { SlotPicker } from './SlotPicker.js';
import { StepHeading } from './StepHeading.js';
import { tracked } from './tracked.js';

export interface BookingAppProps {
  flow: BookingFlow;
  api: ApiClient;
  manageUrl: (bookingId: string, token: string) => string;
}

export const BookingApp = tracked(({ flow, api, manageUrl }: BookingAppProps) => {
  const { t } = useEnv();
  const step = flow.step.value;
  const services = flow.services.value;
  const service = flow.service.value;
  // Focus follows the step only after the visitor has done something (not on first render).
  const initialStep = useRef(step);
  const moved = useRef(false);
  if (step !== initialStep.current) moved.current = true;
  const hold = flow.hold.value;

  let body = null;
  let heading = t.chooseService;
  if (step === 'service') {
    body =
      services.status === 'ready' ? (
        <ServiceList services={services.value} onChoose={flow.chooseService} />
      ) : services.status === 'failed' ? (
        <button type="button" onClick={() => void flow.start()}>
          {t.tryAgain}
        </button>
      ) : (
        <Skeleton />
      );
  } else if (step === 'slot') {
    // With a fixed service, the calendar loads alongside the service: show it before the name.
    heading = service ? service.name : t.chooseDate;
    body =
      services.status === 'failed' && !service ? (
        <button type="button" onClick={() => void flow.start()}>
          {t.tryAgain}
        </button>
      ) : (
        <>
          {service ? <p class="muted">{t.chooseDate}</p> : null}
          <SlotPicker
            picker={flow.picker}
            onPick={(slot) => void flow.chooseSlot(slot)}
            busyStart={hold.status === 'loading' ? (flow.slot.value?.start ?? null) : null}
          />
          {flow.fixedService.value ? null : (
            <div class="row">
              <button type="button" onClick={flow.backToServices}>
                {t.back}
              </button>
            </div>
          )}
        </>
      );
  } else if (step === 'details') {
    heading = t.yourDetails;
    body = <DetailsForm flow={flow} />;
  } else {
    const submission = flow.submission.value;
    if (submission.status === 'ready') {
      const booking = submission.value;
      heading = booking.status === 'pending' ? t.requested : t.booked;
      body = (
        <Confirmation
          booking={booking}
          service={service}
          zone={flow.picker.zone.value}
          api={api}
          manageUrl={manageUrl(booking.id, booking.manageToken ?? '')}
          onAgain={flow.again}
        />
      );
    }
  }

  return (
    <div class="fd">
      <StepHeading key={step} focus={moved.current}>
        {heading}
      </StepHeading>
      {body}
      <Notice notice={flow.notice.value} />
    </div>
  );
});

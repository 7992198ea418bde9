import { describe, expect, it } from 'vitest';
import { checkStart } from './check-start.js';
import { computeSlots } from './compute-slots.js';
import type { Occupancy, ResourceCalendar, SlotRequest, SlotRules } from './types.js';

const at = (iso: string) => Date.parse(iso);
const MIN = 60_000;

const service = (rules: Partial<SlotRules> = {}): SlotRules => ({
  id: 'svc_cut',
  durationMinutes: 30,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  slotIntervalMinutes: 30,
  minNoticeMinutes: 0,
  horizonDays: 365,
  capacity: 1,
  ...rules,
});

const resource = (id: string, calendar: Partial<ResourceCalendar> = {}): ResourceCalendar => ({
  id,
  hours: {},
  overrides: [],
  timeOff: [],
  ...calendar,
});

const request = (req: Partial<SlotRequest> & Pick<SlotRequest, 'from' | 'to'>): SlotRequest => ({
  timezone: 'UTC',
  now: at('2026-01-01T00:00:00Z'),
  service: service(),
  resources: [resource('ann', { hours: { mon: [{ start: '09:00', end: '11:00' }] } })],
  closures: [],
  occupancy: [],
  ...req,
});

const booking = (resourceId: string, startIso: string, minutes = 30, serviceId = 'svc_cut'): Occupancy => {
  const start = at(startIso);
  return { resourceId, serviceId, start, blockStart: start, blockEnd: start + minutes * MIN };
};

const starts = (req: SlotRequest) =>
  computeSlots(req).map((s) => new Date(s.start).toISOString().slice(0, 16));

describe('computeSlots: DST days', () => {
  it('London spring forward: hours 01:00–04:00 offer no 01:xx start, only 02:00–03:30 BST', () => {
    const req = request({
      timezone: 'Europe/London',
      from: '2026-03-29',
      to: '2026-03-29',
      resources: [resource('ann', { hours: { sun: [{ start: '01:00', end: '04:00' }] } })],
    });
    expect(starts(req)).toEqual([
      '2026-03-29T01:00',
      '2026-03-29T01:30',
      '2026-03-29T02:00',
      '2026-03-29T02:30',
    ]);
  });

  it('London spring forward: hours that start or end inside the skipped hour start or end at the jump', () => {
    const sunday = (start: string, end: string) =>
      request({
        timezone: 'Europe/London',
        from: '2026-03-29',
        to: '2026-03-29',
        service: service({ bufferAfterMinutes: 30 }),
        resources: [resource('ann', { hours: { sun: [{ start, end }] } })],
      });
    // 01:30–03:30 works 02:00–03:30 BST (01:00Z–02:30Z): 02:00 and 02:30 BST fit with their buffer.
    expect(starts(sunday('01:30', '03:30'))).toEqual(['2026-03-29T01:00', '2026-03-29T01:30']);
    // 00:00–01:30 works until the jump at 01:00Z; 00:30 + 30 min + 30 min buffer just fits.
    expect(starts(sunday('00:00', '01:30'))).toEqual(['2026-03-29T00:00']);
  });

  it('London fall back: hours 00:00–03:00 offer 01:00 and 01:30 once, at the first (BST) run', () => {
    const req = request({
      timezone: 'Europe/London',
      from: '2026-10-25',
      to: '2026-10-25',
      resources: [resource('ann', { hours: { sun: [{ start: '00:00', end: '03:00' }] } })],
    });
    expect(starts(req)).toEqual([
      '2026-10-24T23:00',
      '2026-10-24T23:30',
      '2026-10-25T00:00',
      '2026-10-25T00:30',
      '2026-10-25T02:00',
      '2026-10-25T02:30',
    ]);
  });

  it('New York spring forward keeps the wall-clock grid: 45-minute steps skip 02:15 and resume at 03:00', () => {
    const req = request({
      timezone: 'America/New_York',
      from: '2026-03-08',
      to: '2026-03-08',
      service: service({ slotIntervalMinutes: 45, durationMinutes: 45 }),
      resources: [resource('ann', { hours: { sun: [{ start: '00:00', end: '04:30' }] } })],
    });
    // Wall 00:00, 00:45, 01:30, (02:15 skipped), 03:00, 03:45 — the last ends at 04:30 EDT.
    expect(starts(req)).toEqual([
      '2026-03-08T05:00',
      '2026-03-08T05:45',
      '2026-03-08T06:30',
      '2026-03-08T07:00',
      '2026-03-08T07:45',
    ]);
  });

  it('Sydney fall back (April): a 2-hour service fits 01:00–04:00 wall hours that last 4 real hours', () => {
    const req = request({
      timezone: 'Australia/Sydney',
      from: '2026-04-05',
      to: '2026-04-05',
      service: service({ durationMinutes: 120, slotIntervalMinutes: 60 }),
      resources: [resource('ann', { hours: { sun: [{ start: '01:00', end: '04:00' }] } })],
    });
    // 01:00 AEDT = 14:00Z; 02:00 (first, AEDT) = 15:00Z; 03:00 AEST = 17:00Z; hours end 04:00 AEST = 18:00Z.
    expect(starts(req)).toEqual(['2026-04-04T14:00', '2026-04-04T15:00']);
  });

  it('Chatham spring forward at 02:45: starts inside 02:45–03:45 do not exist', () => {
    const req = request({
      timezone: 'Pacific/Chatham',
      from: '2026-09-27',
      to: '2026-09-27',
      service: service({ slotIntervalMinutes: 15, durationMinutes: 15 }),
      resources: [resource('ann', { hours: { sun: [{ start: '02:15', end: '04:15' }] } })],
    });
    expect(starts(req)).toEqual([
      '2026-09-26T13:30',
      '2026-09-26T13:45',
      '2026-09-26T14:00',
      '2026-09-26T14:15',
    ]);
  });

  it('Kolkata half-hour offset', () => {
    const req = request({
      timezone: 'Asia/Kolkata',
      from: '2026-06-01',
      to: '2026-06-01',
      resources: [resource('ann', { hours: { mon: [{ start: '09:00', end: '10:00' }] } })],
    });
    expect(starts(req)).toEqual(['2026-06-01T03:30', '2026-06-01T04:00']);
  });
});

describe('computeSlots: rules', () => {
  const monday = { from: '2026-06-01', to: '2026-06-01' } as const;

  it('steps from each interval start and requires the whole block inside working hours', () => {
    const req = request({
      ...monday,
      service: service({ durationMinutes: 45, slotIntervalMinutes: 30 }),
      resources: [
        resource('ann', {
          hours: {
            mon: [
              { start: '09:00', end: '10:30' },
              { start: '13:15', end: '14:00' },
            ],
          },
        }),
      ],
    });
    expect(starts(req)).toEqual(['2026-06-01T09:00', '2026-06-01T09:30', '2026-06-01T13:15']);
  });

  it('merges touching intervals, also across midnight', () => {
    const req = request({
      from: '2026-06-01',
      to: '2026-06-02',
      service: service({ durationMinutes: 120, slotIntervalMinutes: 60 }),
      resources: [
        resource('ann', {
          hours: { mon: [{ start: '22:00', end: '24:00' }], tue: [{ start: '00:00', end: '01:00' }] },
        }),
      ],
    });
    expect(starts(req)).toEqual(['2026-06-01T22:00', '2026-06-01T23:00']);
    // The re-check sees the next day's hours too, though the start is on Monday.
    expect(checkStart(req, at('2026-06-01T23:00:00Z'))).toEqual([{ resourceId: 'ann', remaining: 1 }]);
    expect(checkStart(req, at('2026-06-02T00:00:00Z'))).toEqual([]);
  });

  it('keeps buffers inside working hours and clear of other bookings', () => {
    const req = request({
      ...monday,
      service: service({ bufferBeforeMinutes: 15, bufferAfterMinutes: 15 }),
      occupancy: [booking('ann', '2026-06-01T10:15:00Z', 15)],
    });
    // 09:00 would need 08:45; 09:30's block ends at 10:15, touching the booking (fine); 10:00 overlaps
    // it; 10:30's after-buffer runs past 11:00.
    expect(starts(req)).toEqual(['2026-06-01T09:30']);
  });

  it('counts seats of the same session and blocks on any other booking', () => {
    const base = request({ ...monday, service: service({ capacity: 3 }) });
    const req: SlotRequest = {
      ...base,
      occupancy: [
        booking('ann', '2026-06-01T09:00:00Z'),
        booking('ann', '2026-06-01T09:00:00Z'),
        booking('ann', '2026-06-01T10:00:00Z', 30, 'svc_colour'),
        booking('ann', '2026-06-01T10:30:00Z'),
        booking('ann', '2026-06-01T10:30:00Z'),
        booking('ann', '2026-06-01T10:30:00Z'),
      ],
    };
    expect(
      computeSlots(req).map((s) => [new Date(s.start).toISOString().slice(11, 16), s.remaining]),
    ).toEqual([
      ['09:00', 1],
      ['09:30', 3],
    ]);
  });

  it('counts an occupancy standing for several seats (`seats`) as that many', () => {
    const base = request({ ...monday, service: service({ capacity: 3 }) });
    const nine = booking('ann', '2026-06-01T09:00:00Z');
    const req: SlotRequest = {
      ...base,
      occupancy: [
        { ...nine, seats: 2 },
        { ...booking('ann', '2026-06-01T10:30:00Z'), seats: 3 },
      ],
    };
    const remaining = (r: SlotRequest) =>
      computeSlots(r).map((s) => [new Date(s.start).toISOString().slice(11, 16), s.remaining]);
    expect(remaining(req)).toEqual([
      ['09:00', 1],
      ['09:30', 3],
      ['10:00', 3],
    ]);
    expect(checkStart(req, nine.start)).toEqual([{ resourceId: 'ann', remaining: 1 }]);
    expect(checkStart({ ...req, occupancy: [{ ...nine, seats: 3 }] }, nine.start)).toEqual([]);
  });

  it('honours notice and horizon, closures, overrides and time off', () => {
    const weekdays = { mon: [{ start: '09:00', end: '11:00' }], tue: [{ start: '09:00', end: '11:00' }] };
    const req = request({
      from: '2026-06-01',
      to: '2026-06-05',
      now: at('2026-06-01T08:00:00Z'),
      service: service({ minNoticeMinutes: 90, horizonDays: 3, slotIntervalMinutes: 60 }),
      closures: [{ startDate: '2026-06-02', endDate: '2026-06-02' }],
      resources: [
        resource('ann', {
          hours: { ...weekdays, wed: weekdays.mon, thu: weekdays.mon },
          overrides: [{ date: '2026-06-03', intervals: [{ start: '14:00', end: '16:00' }] }],
          timeOff: [{ start: at('2026-06-03T15:00:00Z'), end: at('2026-06-03T18:00:00Z') }],
        }),
      ],
    });
    // Mon 09:00 is within notice; Tue closed; Wed special hours minus time off; Thu 09:00 is past 3 days.
    expect(starts(req)).toEqual(['2026-06-01T10:00', '2026-06-03T14:00']);
  });

  it('lists each instant once with resources in input order and seats summed', () => {
    const hours = { mon: [{ start: '09:00', end: '10:00' }] };
    const req = request({
      ...monday,
      service: service({ capacity: 2 }),
      resources: [
        resource('zed', { hours }),
        resource('ann', { hours: { mon: [{ start: '09:30', end: '10:30' }] } }),
      ],
      occupancy: [booking('zed', '2026-06-01T09:30:00Z')],
    });
    expect(computeSlots(req)).toEqual([
      {
        start: at('2026-06-01T09:00:00Z'),
        end: at('2026-06-01T09:30:00Z'),
        remaining: 2,
        resourceIds: ['zed'],
      },
      {
        start: at('2026-06-01T09:30:00Z'),
        end: at('2026-06-01T10:00:00Z'),
        remaining: 3,
        resourceIds: ['zed', 'ann'],
      },
      {
        start: at('2026-06-01T10:00:00Z'),
        end: at('2026-06-01T10:30:00Z'),
        remaining: 2,
        resourceIds: ['ann'],
      },
    ]);
  });

  it('counts a resource listed twice once', () => {
    const ann = resource('ann', { hours: { mon: [{ start: '09:00', end: '09:30' }] } });
    const req = request({ ...monday, service: service({ capacity: 2 }), resources: [ann, ann] });
    expect(computeSlots(req)).toEqual([
      {
        start: at('2026-06-01T09:00:00Z'),
        end: at('2026-06-01T09:30:00Z'),
        remaining: 2,
        resourceIds: ['ann'],
      },
    ]);
    expect(checkStart(req, at('2026-06-01T09:00:00Z'))).toEqual([{ resourceId: 'ann', remaining: 2 }]);
  });

  it('returns nothing for an empty or reversed range and throws on impossible rules', () => {
    expect(computeSlots(request({ from: '2026-06-02', to: '2026-06-01' }))).toEqual([]);
    expect(computeSlots(request({ ...monday, resources: [] }))).toEqual([]);
    expect(() => computeSlots(request({ ...monday, service: service({ slotIntervalMinutes: 0 }) }))).toThrow(
      RangeError,
    );
    expect(() => computeSlots(request({ from: '2026-13-01', to: '2026-13-02' }))).toThrow(RangeError);
  });
});

describe('checkStart', () => {
  const monday = request({
    from: '2026-06-01',
    to: '2026-06-01',
    resources: [
      resource('ann', { hours: { mon: [{ start: '09:00', end: '11:00' }] } }),
      resource('bob', { hours: { mon: [{ start: '09:10', end: '11:00' }] } }),
    ],
    occupancy: [booking('ann', '2026-06-01T10:00:00Z')],
  });

  it('answers the resources that can take a start, honouring each one’s grid', () => {
    expect(checkStart(monday, at('2026-06-01T09:00:00Z'))).toEqual([{ resourceId: 'ann', remaining: 1 }]);
    expect(checkStart(monday, at('2026-06-01T09:10:00Z'))).toEqual([{ resourceId: 'bob', remaining: 1 }]);
    expect(checkStart(monday, at('2026-06-01T10:00:00Z'))).toEqual([]);
    expect(checkStart(monday, at('2026-06-01T09:05:00Z'))).toEqual([]);
    expect(checkStart(monday, at('2026-06-01T09:00:30Z'))).toEqual([]);
  });

  it('narrows to one resource when asked', () => {
    expect(checkStart(monday, at('2026-06-01T09:40:00Z'), 'bob')).toEqual([
      { resourceId: 'bob', remaining: 1 },
    ]);
    expect(checkStart(monday, at('2026-06-01T09:40:00Z'), 'ann')).toEqual([]);
    expect(checkStart(monday, at('2026-06-01T09:00:00Z'), 'nobody')).toEqual([]);
  });

  it('refuses the second run of a repeated hour', () => {
    const req = request({
      timezone: 'Europe/London',
      from: '2026-10-25',
      to: '2026-10-25',
      resources: [resource('ann', { hours: { sun: [{ start: '00:00', end: '03:00' }] } })],
    });
    expect(checkStart(req, at('2026-10-25T00:30:00Z'))).toEqual([{ resourceId: 'ann', remaining: 1 }]);
    expect(checkStart(req, at('2026-10-25T01:30:00Z'))).toEqual([]);
  });
});

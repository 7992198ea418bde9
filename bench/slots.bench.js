/**
 * @module Benchmark of the availability engine (`computeSlots`, `checkStart`) against the npm
 * `slot-calculator` package and a naive minute-by-minute reference, on one realistic month:
 * 5 resources, Mon–Sat 09:00–18:00 in Europe/Madrid (the month has a DST change), 30-minute
 * slots, 300 existing bookings. Prints figures; never fails on timing.
 *
 * Run: npx -y pnpm@10.34.8 --filter @frontdesk/core build && node bench/slots.bench.js
 */
import { cpus, loadavg } from 'node:os';
import { getSlots } from 'slot-calculator';

const core = await import('../packages/core/dist/index.js').catch(() => {
  console.error('Build core first: npx -y pnpm@10.34.8 --filter @frontdesk/core build');
  process.exit(1);
});
const { computeSlots, checkStart } = core;

const MIN = 60_000;
const zone = 'Europe/Madrid';
const from = '2026-03-01';
const to = '2026-03-31';
const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const longDays = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
};
const open = { start: '09:00', end: '18:00' };
const resourceIds = ['ana', 'ben', 'caro', 'dev', 'eli'];

// --- The scenario -------------------------------------------------------------------------------

/** A seeded generator (Park–Miller), so every run measures the same month. */
let seed = 20_260_301;
const random = () => {
  seed = (seed * 48_271) % 2_147_483_647;
  return seed / 2_147_483_647;
};

const hours = Object.fromEntries(weekdays.map((d) => [d, [open]]));
const resources = resourceIds.map((id) => ({ id, hours, overrides: [], timeOff: [] }));
const service = {
  id: 'svc_cut',
  durationMinutes: 30,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  slotIntervalMinutes: 30,
  minNoticeMinutes: 0,
  horizonDays: 90,
  capacity: 1,
};
const now = Date.parse('2026-02-27T12:00:00Z');

/** 300 bookings of 30 or 60 minutes on the half-hour grid, on working days, spread over resources. */
const occupancy = [];
while (occupancy.length < 300) {
  const day = 1 + Math.floor(random() * 31);
  const date = `2026-03-${String(day).padStart(2, '0')}`;
  if (new Date(`${date}T12:00:00Z`).getUTCDay() === 0) continue; // Sunday: closed
  const wall = 9 * 60 + Math.floor(random() * 17) * 30;
  const length = random() < 0.7 ? 30 : 60;
  if (wall + length > 18 * 60) continue;
  // Madrid is +01:00 before 29 March and +02:00 from then on.
  const offset = day < 29 ? 60 : 120;
  const start = Date.parse(`${date}T00:00:00Z`) + (wall - offset) * MIN;
  const resourceId = resourceIds[occupancy.length % resourceIds.length];
  const serviceId = random() < 0.5 ? service.id : 'svc_colour';
  occupancy.push({ resourceId, serviceId, start, blockStart: start, blockEnd: start + length * MIN });
}
const request = { timezone: zone, from, to, now, service, resources, closures: [], occupancy };

// --- Baseline 1: the npm slot-calculator package, one call per resource (it intersects, we union) --

const iso = (ms) => new Date(ms).toISOString();
const calculatorInputs = resourceIds.map((id) => ({
  from: '2026-03-01T00:00:00+01:00',
  to: '2026-04-01T00:00:00+02:00',
  duration: 30,
  outputTimezone: zone,
  availability: weekdays.map((d) => ({ day: longDays[d], from: open.start, to: open.end, timezone: zone })),
  unavailability: occupancy
    .filter((o) => o.resourceId === id)
    .map((o) => ({ from: iso(o.blockStart), to: iso(o.blockEnd) })),
}));
const slotCalculator = () => calculatorInputs.map((config) => getSlots(config).availableSlots);

// --- Baseline 2: naive reference, the way simple calculators are written --------------------------

const wallFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: zone,
  hourCycle: 'h23',
  weekday: 'short',
  hour: 'numeric',
  minute: 'numeric',
});
/** Whether the instant is inside working hours, asked of Intl for that very minute. */
const working = (ms) => {
  const parts = Object.fromEntries(wallFormat.formatToParts(ms).map((p) => [p.type, p.value]));
  const minute = Number(parts.hour) * 60 + Number(parts.minute);
  return parts.weekday !== 'Sun' && minute >= 9 * 60 && minute < 18 * 60;
};
function naiveSlots() {
  const slots = [];
  for (let t = Date.parse('2026-02-28T23:00:00Z'); t < Date.parse('2026-03-31T22:00:00Z'); t += 30 * MIN) {
    const free = [];
    for (const id of resourceIds) {
      let ok = t >= now;
      // Minute by minute: each minute must be working time and clear of every booking.
      for (let m = t; ok && m < t + 30 * MIN; m += MIN) {
        if (!working(m)) ok = false;
        for (const o of occupancy) if (o.resourceId === id && o.blockStart <= m && m < o.blockEnd) ok = false;
      }
      if (ok) free.push(id);
    }
    if (free.length > 0) slots.push({ start: t, resourceIds: free });
  }
  return slots;
}

// --- Measuring ------------------------------------------------------------------------------------

function measure(label, fn, { warmup, runs }) {
  for (let i = 0; i < warmup; i++) fn();
  const times = [];
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push((performance.now() - t0) * 1000);
  }
  const cpu = process.cpuUsage(cpuStart);
  times.sort((a, b) => a - b);
  const result = {
    label,
    runs,
    mean: times.reduce((s, t) => s + t, 0) / runs,
    median: times[Math.floor(runs / 2)],
    p95: times[Math.floor(runs * 0.95)],
    cpuMean: (cpu.user + cpu.system) / runs,
  };
  return result;
}

const fmt = (us) => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(1)} µs`);

// The very first call pays for Intl formatters and the zone's offset cache.
const coldStart = performance.now();
const ours = computeSlots(request);
const coldUs = (performance.now() - coldStart) * 1000;

// Cross-check before timing anything: all three must offer the same starts on the same resources.
const key = (start, ids) => `${start} ${ids.join(',')}`;
const oursKeys = ours.map((s) => key(s.start, s.resourceIds));
const naiveKeys = naiveSlots().map((s) => key(s.start, s.resourceIds));
const byStart = new Map();
slotCalculator().forEach((slots, r) => {
  for (const s of slots) {
    const start = Date.parse(s.from);
    if (start < now) continue;
    byStart.set(start, [...(byStart.get(start) ?? []), resourceIds[r]]);
  }
});
const calculatorKeys = [...byStart].sort((a, b) => a[0] - b[0]).map(([s, ids]) => key(s, ids));
const same = (a, b) => a.length === b.length && a.every((k, i) => k === b[i]);

const probe = ours[Math.floor(ours.length / 2)].start;
const results = [
  measure('computeSlots (this engine)', () => computeSlots(request), { warmup: 300, runs: 2000 }),
  measure('checkStart (one start, booking re-check)', () => checkStart(request, probe), {
    warmup: 300,
    runs: 5000,
  }),
  measure('slot-calculator@2.2.1 (npm, 5 calls)', slotCalculator, { warmup: 3, runs: 30 }),
  measure('naive minute-by-minute reference', naiveSlots, { warmup: 1, runs: 5 }),
];

console.log(
  `Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log(
  `Scenario: ${from}..${to} ${zone}, ${resources.length} resources, Mon–Sat 09:00–18:00, 30-min slots, ${occupancy.length} bookings -> ${ours.length} slots`,
);
console.log(
  `Agreement: slot-calculator ${same(oursKeys, calculatorKeys) ? 'same slots' : `DIFFERS (${calculatorKeys.length} vs ${oursKeys.length})`}, naive reference ${same(oursKeys, naiveKeys) ? 'same slots' : `DIFFERS (${naiveKeys.length} vs ${oursKeys.length})`}`,
);
console.log(`computeSlots cold first call: ${fmt(coldUs)}`);
console.log('');
console.log('| what | runs | mean | median | p95 | CPU time / call |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const r of results) {
  console.log(
    `| ${r.label} | ${r.runs} | ${fmt(r.mean)} | ${fmt(r.median)} | ${fmt(r.p95)} | ${fmt(r.cpuMean)} |`,
  );
}
const [engine, , calculator, naive] = results;
console.log('');
console.log(
  `Ratio (median): slot-calculator / computeSlots = ${Math.round(calculator.median / engine.median)}×`,
);
console.log(`Ratio (median): naive reference / computeSlots = ${Math.round(naive.median / engine.median)}×`);
console.log(
  `Ratio (CPU time): slot-calculator / computeSlots = ${Math.round(calculator.cpuMean / engine.cpuMean)}×`,
);

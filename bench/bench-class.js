/**
 * @module The booking benches' shared set-up: a resource open around the clock with a class of
 * 1,000 seats on it, so that no booking fails for lack of room (the figure is the cost of a
 * successful booking), and the 960 half-hour starts from tomorrow that their requests cycle through.
 */

/** Weekly hours open all day, every day. */
export function allWeekHours() {
  const allDay = [{ start: '00:00', end: '24:00' }];
  return Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, allDay]));
}

/**
 * Creates the resource and its class through `post(path, body)` (a secret key's POST answering the
 * parsed JSON); `name` labels both. Answers `{ resource, service }` as the API answered them.
 */
export async function createBenchClass(post, name = 'Bench') {
  const resource = await post('/v1/resources', { name: `${name} hall`, hours: allWeekHours() });
  const service = await post('/v1/services', {
    name: `${name} class`,
    durationMinutes: 30,
    capacity: 1000,
    minNoticeMinutes: 0,
    resourceIds: [resource.id],
  });
  if (!service.id) throw new Error(`service: ${JSON.stringify(service)}`);
  return { resource, service };
}

/** `count` consecutive half-hour starts from the half hour a day from now, as the API's instants. */
export function rotatingStarts(count = 960) {
  const base = Math.ceil(Date.now() / 1_800_000) * 1_800_000 + 86_400_000;
  return Array.from({ length: count }, (_, i) =>
    new Date(base + i * 1_800_000).toISOString().replace('.000Z', 'Z'),
  );
}

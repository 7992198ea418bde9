/**
 * @module Summarises a V8 `.cpuprofile` (written by `node --cpu-prof`, e.g. through the benches'
 * `BENCH_NODE_ARGS`): the functions with the most self time, and self time grouped by where the
 * code lives (a package under node_modules, Node itself, the app's own dist). Given a directory, it
 * reads the largest profile in it (the server under load, not an idle baseline).
 * `node bench/cpu-profile-summary.js /tmp/prof [top=25]`
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const [target = '.', topArg = '25'] = process.argv.slice(2);
const top = Number(topArg);
const file = statSync(target).isDirectory()
  ? readdirSync(target)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => join(target, f))
      .sort((a, b) => statSync(b).size - statSync(a).size)[0]
  : target;
if (file === undefined) throw new Error(`no .cpuprofile in ${target}`);
const profile = JSON.parse(readFileSync(file, 'utf8'));

// Self time per node: the sampling intervals attributed to it.
const self = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const delta = profile.timeDeltas[i + 1] ?? 0;
  self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + delta);
}
const total = [...self.values()].reduce((a, b) => a + b, 0);

function placeOf(url) {
  if (url === '') return 'native / V8';
  if (url.startsWith('node:')) return 'node core';
  const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const own = /packages\/([^/]+)\/dist\//.exec(url);
  return own ? `@frontdesk/${own[1]}` : url;
}

const byFunction = new Map();
const byPlace = new Map();
let idle = 0;
for (const node of profile.nodes) {
  const time = self.get(node.id) ?? 0;
  const { functionName, url, lineNumber } = node.callFrame;
  if (functionName === '(idle)') idle += time;
  const where = url
    ? `${url.replace(/^.*node_modules\//, '').replace(/^.*packages\//, '')}:${lineNumber + 1}`
    : '';
  const name = `${functionName || '(anonymous)'} ${where}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + time);
  const place = functionName.startsWith('(') ? functionName : placeOf(url);
  byPlace.set(place, (byPlace.get(place) ?? 0) + time);
}

const busy = total - idle;
const row = (time) =>
  `${(time / 1000).toFixed(0).padStart(7)} ms ${((time / busy) * 100).toFixed(1).padStart(5)} % of busy`;
console.log(`${file}: ${(total / 1e6).toFixed(2)} s sampled, ${(busy / 1e6).toFixed(2)} s busy`);
console.log('\nself time by place:');
for (const [place, time] of [...byPlace].sort((a, b) => b[1] - a[1]).slice(0, 20))
  if (place !== '(idle)') console.log(`${row(time)}  ${place}`);
console.log(`\ntop ${top} functions by self time:`);
for (const [name, time] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top + 1))
  if (!name.startsWith('(idle)')) console.log(`${row(time)}  ${name}`);

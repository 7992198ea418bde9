/**
 * @module The torture summary: per run a table of its figures, the answers by status, what its
 * operations were, and every violation (the first 20 of each kind); with `json`, one JSON line of
 * all results last on stdout, for the CI test to read.
 */

export function printReport(results, { json = false } = {}) {
  for (const result of results) {
    console.log(`\n## ${result.title} (seed ${result.seed})\n`);
    console.log('| figure | value |\n| --- | ---: |');
    for (const [name, value] of Object.entries(result.figures)) console.log(`| ${name} | ${format(value)} |`);
    console.log(`\nanswers by status: ${JSON.stringify(result.statuses)}`);
    if (result.counts) console.log(`operations: ${JSON.stringify(result.counts)}`);
    if (result.notes) for (const note of result.notes) console.log(`note: ${note}`);
    if (result.violations.length === 0) {
      console.log('violations: none');
    } else {
      console.log(`VIOLATIONS (${result.violations.length}):`);
      for (const v of result.violations.slice(0, 40)) console.log(`  - ${v}`);
    }
  }
  if (json) console.log(JSON.stringify(results.map(({ counts, ...rest }) => rest)));
}

const format = (value) => (typeof value === 'number' ? value.toLocaleString('en-US') : String(value));

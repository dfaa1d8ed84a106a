// The page's merge of a result and the rulebook's tables, alone, in Node (run
// by hand, not part of ./dev test):
//   node tests/bench/merge-bench.mjs [RUNS] [CHECKOUT]  (default 300 runs, this checkout)
// Times ivpWithRulebook (site/js/result-tables.js) on the default result of
// the core in build/wasm, three rounds of RUNS, and prints each round's p50.
// CHECKOUT: another checkout of the project (its build/wasm and its
// site/js/result-tables.js), to time a build before a change (docs/perf.md).
import { resolve, join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const runs = Number(process.argv[2] || 300);
const checkout = resolve(process.argv[3] || join(dirname(fileURLToPath(import.meta.url)), '../..'));
const { loadWasm } = await import(pathToFileURL(join(checkout, 'tests/node/wasm-loader.mjs')).href);
const { ivpWithRulebook } = await import(pathToFileURL(join(checkout, 'site/js/result-tables.js')).href);

const core = await loadWasm(join(checkout, 'build/wasm'));
const rulebook = JSON.parse(core.rulebook());
const result = JSON.parse(core.calculate('{}', '2026-11-23'));
console.log(`${checkout}: result ${JSON.stringify(result).length} B, rulebook ${JSON.stringify(rulebook).length} B, ${runs} runs`);
for (let round = 1; round <= 3; round += 1) {
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    ivpWithRulebook(result, rulebook);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`round ${round}: merge p50 ${times[Math.floor(runs / 2)].toFixed(3)} ms`);
}

// WASM timing in Chromium, run by hand (not part of ./dev test):
//   node tests/bench/wasm-bench.mjs [RUNS] [WASM_DIR]  (default 1000 runs, build/wasm)
// Loads build/wasm/ivp_wasm.js into a blank page (no CSP in the way), hands
// it its bytes (wasmBinary) and times, per call:
//   core      module.calculate(text, today): embind string in, C++ (parse,
//             validate, compute, build and dump the result), string out
//   full      the full result as the page fetched it per keystroke before
//             issue #6: JSON.stringify(scenario) + module.calculate +
//             JSON.parse(result)
//   lean      what the page does per keystroke now (site/js/mount.js update()):
//             JSON.stringify + module.calculateLean + JSON.parse + merging
//             in the explanation it already has (ivpWithExplanation)
//   explain   JSON.stringify + module.explain + JSON.parse: only when the
//             profile or the selection changes
//   boundary  module.calculate('{}x', today): a parse error right away, i.e.
//             the embind call and error path with almost no work
//   parse     JSON.parse of the result text alone, in JS
//   merged    full + the page's merge of the rulebook's tables into it
//             (site/js/result-tables.js ivpWithRulebook): the whole result as
//             the page renders it (a core without rulebook(): not timed)
//   rulebook  JSON.parse(module.rulebook()): once per page, not per result
// The page is served cross-origin isolated (COOP/COEP, via a routed fake
// origin, no network), so performance.now() has 5 µs resolution, not 100 µs.
// Results go to docs/perf.md ("Rekenkern").
import { launch } from '../browser/chromium.mjs';
import { openBenchPage } from './bench-page.mjs';
import { bundleSite } from '../../tools/site-bundle.mjs';

const runs = Number(process.argv[2] || 1000);
const wasmDir = process.argv[3];  // another build to time, e.g. main's (docs/perf.md)
// The page's own merge (site/js/ivp.js, bundled as the build does), so the
// lean case times what the page runs.
const siteIvp = bundleSite({ contents: "import { ivpWithExplanation } from './ivp.js';\nimport { ivpWithRulebook } from './result-tables.js';\n" +
  'window.ivpWithExplanation = ivpWithExplanation;\nwindow.ivpWithRulebook = ivpWithRulebook;\n' });

const browser = await launch();
try {
  const { page, wasm } = await openBenchPage(browser, [siteIvp], ...(wasmDir ? [wasmDir] : []));
  const report = await page.evaluate(async ({ wasm, runs }) => {
    const bytes = Uint8Array.from(atob(wasm), (c) => c.charCodeAt(0));
    const module = await createIvpModule({ wasmBinary: bytes, print: () => {}, printErr: () => {} });
    const catalogue = JSON.parse(module.catalogue());
    const today = '2026-11-23';
    // The page's default scenario (site/js/scenario.js scenario()): all provisions.
    const scenario = { schema: 1, melding: today, provisions: catalogue.provisions.map((p) => p.id), overrides: {} };
    const text = JSON.stringify(scenario);
    const resultText = module.calculate(text, today);
    if (JSON.parse(resultText).error) throw new Error(resultText);
    const leanText = module.calculateLean(text, today);
    const explanation = JSON.parse(module.explain(text, today));
    const cases = {
      core: () => module.calculate(text, today),
      full: () => JSON.parse(module.calculate(JSON.stringify(scenario), today)),
      lean: () => ivpWithExplanation(JSON.parse(module.calculateLean(JSON.stringify(scenario), today)), explanation),
      explain: () => JSON.parse(module.explain(JSON.stringify(scenario), today)),
      boundary: () => module.calculate('{}x', today),
      parse: () => JSON.parse(resultText),
    };
    const hasRulebook = typeof module.rulebook === 'function';
    const rulebookText = hasRulebook ? module.rulebook() : '';
    if (hasRulebook) {
      const rulebook = JSON.parse(rulebookText);
      cases.merged = () => ivpWithRulebook(JSON.parse(module.calculate(JSON.stringify(scenario), today)), rulebook);
      cases.rulebook = () => JSON.parse(module.rulebook());
    }
    const out = { crossOriginIsolated, runs, scenarioBytes: text.length, resultBytes: resultText.length,
      leanBytes: leanText.length, explainBytes: JSON.stringify(explanation).length, rulebookBytes: rulebookText.length };
    // Warm up every case for 3 s first: Chromium compiles the hot WASM
    // functions again, optimized, in the background; timed before that is
    // done, the first cases (core, full) came out 1–1.5 ms slower in some
    // page loads and not in others (docs/perf.md, 2026-12-03).
    const warmUntil = performance.now() + 3000;
    while (performance.now() < warmUntil) for (const fn of Object.values(cases)) fn();
    for (const [name, fn] of Object.entries(cases)) {
      for (let i = 0; i < 200; i += 1) fn();  // warm up (tier-up of the WASM code)
      const times = [];
      for (let i = 0; i < runs; i += 1) {
        const t0 = performance.now();
        fn();
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
      out[name] = { p50_ms: q(0.5), p95_ms: q(0.95), max_ms: times[times.length - 1],
        mean_ms: times.reduce((a, b) => a + b, 0) / times.length };
    }
    return out;
  }, { wasm, runs });
  report.chromium = browser.version();
  const fmt = (x) => x.toFixed(3);
  console.log(`Chromium ${report.chromium}, ${runs} runs each, crossOriginIsolated=${report.crossOriginIsolated}, ` +
    `scenario ${report.scenarioBytes} B, result ${report.resultBytes} B, lean ${report.leanBytes} B, explain ${report.explainBytes} B` +
    (report.rulebookBytes ? `, rulebook ${report.rulebookBytes} B` : ''));
  console.log('case        p50 ms   p95 ms   mean ms   max ms');
  for (const name of ['core', 'full', 'lean', 'explain', 'boundary', 'parse', 'merged', 'rulebook']) {
    const r = report[name];
    if (!r) continue;
    console.log(`${name.padEnd(10)} ${fmt(r.p50_ms).padStart(7)}  ${fmt(r.p95_ms).padStart(7)}  ${fmt(r.mean_ms).padStart(8)}  ${fmt(r.max_ms).padStart(7)}`);
  }
  const ok = report.lean.p50_ms <= 1;
  console.log(`target: page recompute (lean) p50 <= 1 ms: ${ok ? 'met' : 'NOT met'}`);
  process.exitCode = ok ? 0 : 1;
} finally {
  await browser.close();
}

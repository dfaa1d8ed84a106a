// Eligibility alone: our core (WASM) against the npm json-logic-js 2.0.5 on
// the same rules and the same profiles, in one page (issue #6). Run by hand,
// not part of ./dev test:
//   node tests/bench/eligibility-vs-jsonlogic.mjs [SAMPLES] [--node]
// (default 400 samples; needs build/wasm and npm ci; --node runs the same in
// this Node process instead of Chromium).
//
// "Eligibility alone" = for one fully answered profile, the truth of every
// criterion rule of both embedded policies (hattem-2014 and als-protocol: 71
// rules, taken from the module itself through criteriaRules(), i.e. the
// embedded data/policies/*.json), one character code ("j"/"n") per rule:
//   json-logic-js  jsonLogic.truthy(jsonLogic.apply(rule, profile)) per rule,
//                  rules and profile as plain JS objects (parsed once), the
//                  answers into a Uint8Array
//   wasm-coded     encodeProfile(profile) into module.criteriaCodes() (one
//                  number per fact, written straight into WASM memory), then
//                  module.criteriaTruthsCoded(): the embind call and the
//                  compiled rules; the answers in the Uint8Array
//                  module.criteriaTruthsView() — all counted
//   wasm-json      module.criteriaTruths(JSON.stringify(profile)): the JSON
//                  text boundary (stringify, parse, validate, a string back)
//   encode         encodeProfile alone; call: criteriaTruthsCoded() alone (on
//                  the codes last written); stringify: JSON.stringify alone
// Profiles: 64 generated from seed 6 (tests/node/profiles.mjs). Before any
// timing, all three give the same answers on every profile or the run fails.
// A sample is the mean of a batch of 20 calls (performance.now() resolves
// 5 µs even cross-origin isolated, one call takes less); the cases take turns
// per sample, so load on the machine hits them alike. Figures: docs/perf.md,
// "Geschiktheid tegen json-logic-js".
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { encodeProfile, generateProfiles } from '../node/profiles.mjs';

const args = process.argv.slice(2);
const inNode = args.includes('--node');
const samples = Number(args.find((a) => /^\d+$/.test(a)) || 400);
const BATCH = 20;
const SEED = 6;
const COUNT = 64;

// Runs in the page (serialised by page.evaluate) or in Node: no outer names
// but encodeProfile, which the page gets as a script of its own.
async function runComparison({ module, jsonLogic, profiles, samples, batch }) {
  const facts = JSON.parse(module.facts()).facts;
  const rules = JSON.parse(module.criteriaRules()).map((e) => e.rule);
  // json-logic-js writes its answers as the module does: one character
  // code per rule into a Uint8Array, reused.
  const jsOut = new Uint8Array(rules.length);
  const reference = (p) => {
    for (let i = 0; i < rules.length; i += 1) jsOut[i] = jsonLogic.truthy(jsonLogic.apply(rules[i], p)) ? 106 : 110;  // j, n
    return jsOut;
  };
  // The coded profile goes straight into the module's memory and the answers
  // come back in it (views that go stale only when the memory grows).
  let codes = module.criteriaCodes();
  let truths = module.criteriaTruthsView();
  const coded = (p) => {
    if (codes.byteLength === 0) codes = module.criteriaCodes();
    encodeProfile(facts, p, codes);
    if (!module.criteriaTruthsCoded()) throw new Error(module.criteriaError());
    if (truths.byteLength === 0) truths = module.criteriaTruthsView();
    return truths;
  };
  const text = (bytes) => String.fromCharCode(...bytes);
  const mismatches = [];
  profiles.forEach((p, i) => {
    const js = text(reference(p));
    const json = module.criteriaTruths(JSON.stringify(p));
    const viaCodes = text(coded(p));
    if (js !== json || js !== viaCodes) mismatches.push({ profile: i, js, json, coded: viaCodes });
  });
  const counts = { j: 0, n: 0 };
  for (const p of profiles) for (const c of text(reference(p))) counts[c] += 1;
  if (mismatches.length) return { rules: rules.length, mismatches };
  const cases = {
    'json-logic-js': reference,
    'wasm-coded': coded,
    'wasm-json': (p) => module.criteriaTruths(JSON.stringify(p)),
    encode: (p) => encodeProfile(facts, p, codes),
    call: () => module.criteriaTruthsCoded() && truths,
    stringify: (p) => JSON.stringify(p),
  };
  let sink = 0;
  const times = {};
  for (const [name, fn] of Object.entries(cases)) {
    times[name] = [];
    for (let i = 0; i < 500; i += 1) sink += fn(profiles[i % profiles.length]).length;  // warm-up, tier-up
  }
  for (let s = 0; s < samples; s += 1)
    for (const [name, fn] of Object.entries(cases)) {
      const t0 = performance.now();
      for (let k = 0; k < batch; k += 1) sink += fn(profiles[(s * batch + k) % profiles.length]).length;
      times[name].push(((performance.now() - t0) / batch) * 1000);  // µs per call
    }
  const out = { rules: rules.length, facts: facts.length, counts, sink, mismatches: [],
    crossOriginIsolated: globalThis.crossOriginIsolated ?? null };
  for (const [name, t] of Object.entries(times)) {
    t.sort((a, b) => a - b);
    const q = (x) => t[Math.min(t.length - 1, Math.floor(x * t.length))];
    out[name] = { p50: q(0.5), p95: q(0.95), mean: t.reduce((a, b) => a + b, 0) / t.length };
  }
  return out;
}

const root = new URL('../..', import.meta.url).pathname;
const facts = JSON.parse(readFileSync(join(root, 'data/facts.json'), 'utf8')).facts;
const profiles = generateProfiles(facts, COUNT, SEED);
let report;
let where;
if (inNode) {
  const { loadWasm } = await import('../node/wasm-loader.mjs');
  const module = await loadWasm();
  const jsonLogic = createRequire(import.meta.url)('json-logic-js');
  report = await runComparison({ module, jsonLogic, profiles, samples, batch: BATCH });
  where = `Node ${process.version}`;
} else {
  const { launch } = await import('../browser/chromium.mjs');
  const { openBenchPage } = await import('./bench-page.mjs');
  const logic = readFileSync(join(root, 'node_modules/json-logic-js/logic.js'), 'utf8');
  const browser = await launch();
  try {
    // json-logic-js is UMD: it defines window.jsonLogic.
    const { page, wasm } = await openBenchPage(browser, [logic, `${encodeProfile}\n${runComparison}`]);
    report = await page.evaluate(async ({ wasm, profiles, samples, batch }) => {
      const bytes = Uint8Array.from(atob(wasm), (c) => c.charCodeAt(0));
      const module = await createIvpModule({ wasmBinary: bytes, print: () => {}, printErr: () => {} });
      return runComparison({ module, jsonLogic: window.jsonLogic, profiles, samples, batch });
    }, { wasm, profiles, samples, batch: BATCH });
    where = `Chromium ${browser.version()}, crossOriginIsolated=${report.crossOriginIsolated}`;
  } finally {
    await browser.close();
  }
}

if (report.mismatches.length) {
  console.error(`FOUT: json-logic-js en de WASM-kern geven andere antwoorden (${report.mismatches.length} profielen):`);
  console.error(JSON.stringify(report.mismatches.slice(0, 3), null, 1));
  process.exit(1);
}
console.log(`${where}; ${report.rules} rules, ${report.facts} facts, ${profiles.length} profiles (seed ${SEED}), ` +
  `answers j=${report.counts.j} n=${report.counts.n}, all equal on both sides; ${samples} samples of ${BATCH} calls`);
console.log('case            p50 µs   p95 µs  mean µs');
for (const name of ['json-logic-js', 'wasm-coded', 'wasm-json', 'encode', 'call', 'stringify']) {
  const r = report[name];
  console.log(`${name.padEnd(14)} ${r.p50.toFixed(2).padStart(7)}  ${r.p95.toFixed(2).padStart(7)}  ${r.mean.toFixed(2).padStart(7)}`);
}
const ratio = (name) => report['json-logic-js'].p50 / report[name].p50;
console.log(`json-logic-js / wasm-coded (p50): ${ratio('wasm-coded').toFixed(2)}×; ` +
  `json-logic-js / wasm-json (p50): ${ratio('wasm-json').toFixed(2)}×`);
const ok = ratio('wasm-coded') >= 3;
console.log(`target: eligibility (wasm-coded) at least 3× json-logic-js: ${ok ? 'met' : 'NOT met'}`);
process.exitCode = ok ? 0 : 1;

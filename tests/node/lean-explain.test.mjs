// The page's per-keystroke call (calculateLean) plus the explanation it asks
// for when the profile or the selection changes (explain), merged the way the
// page merges them (site/js/ivp.js ivpWithExplanation), are exactly the full
// result of calculate() — which is byte-identical to `ivp calc` (see
// wasm-native.test.mjs). docs/perf.md, "Rekenkern".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as siteIvpModule from '../../site/js/ivp.js';
import { loadWasm } from './wasm-loader.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const today = '2026-11-23';

// site/js/ivp.js is the page's own ES module, imported as it is.
function siteIvp() {
  return siteIvpModule;
}

const golden = readdirSync(join(root, 'tests/golden/eligibility')).filter((f) => f.endsWith('.json')).sort()
  .map((f) => JSON.parse(readFileSync(join(root, 'tests/golden/eligibility', f), 'utf8')).scenario);
const scenarios = [
  {},
  { melding: '2026-04-02', provisions: ['traplift', 'zorgunit', 'aanbouw-woning'] },
  { melding: '2027-12-24', overrides: { driewielfiets: { amount: 9000 }, eetrobot: { amount: 0 } } },
  { provisions: [] },
  { provisions: ['traplift', 'scootmobiel'], profile: { woning_heeft_trap: true, traplopen_probleem: true } },
  ...golden,
];

test('calculateLean + explain, merged as the page does, equal calculate for every scenario', async () => {
  assert.ok(golden.length >= 3, 'the golden eligibility scenarios are there');
  const core = await loadWasm();
  const { ivpWithExplanation } = siteIvp();
  for (const scenario of scenarios) {
    const text = JSON.stringify(scenario);
    const full = JSON.parse(core.calculate(text, today));
    assert.equal(full.error, undefined, text);
    const lean = JSON.parse(core.calculateLean(text, today));
    // Lean is only what the amounts reach (src/ivp/base/detail.h).
    assert.deepEqual(Object.keys(lean).sort(), ['budget', 'costs', 'provisions', 'schema']);
    assert.deepEqual(Object.keys(lean.costs.eigen_bijdrage).sort(), ['per_year', 'total']);
    for (const p of lean.provisions) {
      assert.ok(Object.keys(p).every((k) => ['id', 'amount', 'amount_source', 'financing'].includes(k)), p.id);
    }
    const merged = ivpWithExplanation(lean, JSON.parse(core.explain(text, today)));
    // Through JSON so that the comparison is of plain data.
    assert.deepEqual(JSON.parse(JSON.stringify(merged)), full, text.slice(0, 120));
  }
});

// The page keeps one explanation and merges it into every new lean answer
// while the user types amounts: the merge must never write into it.
test('one explanation merged into successive lean answers stays untouched and gives the full result each time', async () => {
  const core = await loadWasm();
  const { ivpWithExplanation } = siteIvp();
  const base = { melding: '2026-03-02', profile: { huishouden: 'alleenstaand', leeftijd: 70 } };
  const explanation = JSON.parse(core.explain(JSON.stringify(base), today));
  const before = JSON.stringify(explanation);
  for (const amount of [0, 1, 123456, 40]) {
    const s = { ...base, overrides: { traplift: { amount }, scootmobiel: { amount }, 'ad-matras': { amount } } };
    const text = JSON.stringify(s);
    const merged = ivpWithExplanation(JSON.parse(core.calculateLean(text, today)), explanation);
    assert.deepEqual(JSON.parse(JSON.stringify(merged)), JSON.parse(core.calculate(text, today)), `amount ${amount}`);
    assert.equal(JSON.stringify(explanation), before, `the explanation was changed by the merge (amount ${amount})`);
  }
});

test('explain does not depend on the amounts (the page does not ask again when only an amount changes)', async () => {
  const core = await loadWasm();
  const base = { melding: '2026-03-02', provisions: ['traplift', 'eetrobot'], profile: { woning_heeft_trap: true } };
  const a = core.explain(JSON.stringify(base), today);
  const b = core.explain(JSON.stringify({ ...base, overrides: { traplift: { amount: 1 }, eetrobot: { amount: 99999 } } }), today);
  assert.equal(a, b);
  assert.notEqual(a, core.explain(JSON.stringify({ ...base, melding: '2026-05-04' }), today));
});

test('the per-keystroke answer is much smaller than the full result', async () => {
  const core = await loadWasm();
  const full = core.calculate('{}', today).length;
  const lean = core.calculateLean('{}', today).length;
  assert.ok(lean * 2 < full, `lean ${lean} B vs full ${full} B`);
});

test('calculateLean and explain return bad input as the same error data as calculate', async () => {
  const core = await loadWasm();
  for (const text of ['{}x', '{"overrides":{"traplift":{"amount":-1}}}', '{"profile":{"huishoudn":1}}']) {
    const full = core.calculate(text, today);
    assert.ok(JSON.parse(full).error, text);
    assert.equal(core.calculateLean(text, today), full, text);
    assert.equal(core.explain(text, today), full, text);
  }
});

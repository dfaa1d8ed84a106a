// The page's after-answer merge (site/js/ivp.js ivpWithSituation) through the
// WASM module: the explanation of one profile with the situation of another
// put in is the explanation of the other profile — the property
// tests/unit/situation_test.cpp holds for the C++ apply_situation, here for
// the JavaScript the page runs (docs/perf.md, "Interview").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ivpWithSituation } from '../../site/js/ivp.js';
import { loadWasm } from './wasm-loader.mjs';
import { mulberry32 } from './prng.mjs';
import { randomAnswer } from './profiles.mjs';

const today = '2026-11-23';

test('explanation + situation of a new profile, merged as the page does, is the new explanation', async () => {
  const core = await loadWasm();
  const facts = JSON.parse(core.facts()).facts;
  const ids = JSON.parse(core.catalogue()).provisions.map((p) => p.id);
  const rand = mulberry32(1412);
  const profile = () => {
    const out = {};
    for (const f of facts) {
      const r = rand();
      if (r < 0.5) continue;
      if (r < 0.56) { out[f.id] = null; continue; }
      const answer = randomAnswer(f, rand);
      if (answer !== undefined) out[f.id] = answer;
    }
    return out;
  };
  for (let n = 0; n < 30; n += 1) {
    const base = { melding: n % 5 === 2 ? '2026-03-02' : today };
    if (n % 2) base.provisions = ids.filter(() => rand() < 0.6);
    if (n % 3 === 1) base.policy = 'hattem-2014';
    if (n % 5 === 2) base.dates = { aanvraag: '2026-04-01', beschikking: '2026-06-15' };
    const one = { ...base, profile: profile() };
    const two = { ...base, profile: profile() };
    const explanation = JSON.parse(core.explain(JSON.stringify(one), today));
    const part = JSON.parse(core.situation(JSON.stringify(two), today));
    assert.ok(!part.error, JSON.stringify(part.error));
    const want = JSON.parse(core.explain(JSON.stringify(two), today));
    assert.deepEqual(ivpWithSituation(explanation, part), want, `scenario ${n}`);
  }
});

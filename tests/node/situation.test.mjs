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
    const old = core.explain(JSON.stringify(one), today);
    const part = JSON.parse(core.situation(JSON.stringify(two), today));
    assert.ok(!part.error, JSON.stringify(part.error));
    const want = JSON.parse(core.explain(JSON.stringify(two), today));
    assert.deepEqual(ivpWithSituation(JSON.parse(old), part), want, `scenario ${n}`);
    // The page's call: with the profile of the explanation it holds, only the
    // verdicts a changed answer reaches come back (site/js/scenario.js compute).
    const since = JSON.parse(core.situationSince(JSON.stringify(two), JSON.stringify(one.profile), today));
    assert.ok(!since.error, JSON.stringify(since.error));
    assert.deepEqual(ivpWithSituation(JSON.parse(old), since), want, `scenario ${n}, since the old profile`);
  }
});

test('answer by answer, as the page sends them: each situation since the last profile, merged, is the new explanation', async () => {
  const core = await loadWasm();
  const facts = JSON.parse(core.facts()).facts;
  const rand = mulberry32(1414);
  for (let n = 0; n < 4; n += 1) {
    const s = { melding: today, profile: {} };
    if (n % 2) s.policy = 'hattem-2014';
    let explanation = JSON.parse(core.explain(JSON.stringify(s), today));
    let made = 0, sent = 0;
    for (const f of facts.filter(() => rand() < 0.3)) {
      const before = { ...s.profile };
      const answer = rand() < 0.1 ? null : randomAnswer(f, rand);
      if (answer === undefined) continue;
      s.profile[f.id] = answer;
      const part = JSON.parse(core.situationSince(JSON.stringify(s), JSON.stringify(before), today));
      assert.ok(!part.error, JSON.stringify(part.error));
      made += Object.values(part.provisions).filter((p) => 'eligibility' in p).length;
      // Every provision the explanation holds could have been made again (a
      // provision none of whose parts an answer reaches is not in the part at all).
      sent += Object.keys(explanation.provisions).length;
      explanation = ivpWithSituation(explanation, part);
      assert.deepEqual(explanation, JSON.parse(core.explain(JSON.stringify(s), today)), `interview ${n}, after ${f.id}`);
    }
    // The Zvw provisions' verdicts never change with an answer: they are never sent again.
    assert.ok(made < sent, `interview ${n}: ${made} of ${sent} verdicts made again`);
  }
});

// Eligibility alone through the WASM module (criteriaRules, criteriaTruths,
// criteriaTruthsCoded: wasm/ivp_wasm.d.ts) against the npm json-logic-js on
// generated profiles. Correctness only; the timing of the same comparison is
// tests/bench/eligibility-vs-jsonlogic.mjs (docs/perf.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { loadWasm } from './wasm-loader.mjs';
import { encodeProfile, generateProfiles } from './profiles.mjs';
import { mulberry32 } from './prng.mjs';

const jsonLogic = createRequire(import.meta.url)('json-logic-js');
const root = new URL('../..', import.meta.url).pathname;
const facts = JSON.parse(readFileSync(join(root, 'data/facts.json'), 'utf8')).facts;
const module = await loadWasm();
const exported = JSON.parse(module.criteriaRules());
const rules = exported.map((e) => e.rule);

const reference = (profile) => rules.map((rule) => (jsonLogic.truthy(jsonLogic.apply(rule, profile)) ? 'j' : 'n')).join('');
function coded(profile) {
  encodeProfile(facts, profile, module.criteriaCodes());
  assert.equal(module.criteriaTruthsCoded(), true, module.criteriaError());
  return String.fromCharCode(...module.criteriaTruthsView());
}

test('criteriaRules() are the criteria of data/policies/*.json, default policy first', () => {
  const expected = [];
  // The embedded order: the default (the Wmo 2015, issue 16) first, then by id.
  for (const id of ['wmo-2015', 'als-protocol', 'hattem-2014']) {
    const policy = JSON.parse(readFileSync(join(root, 'data/policies', `${id}.json`), 'utf8'));
    for (const c of policy.criteria) expected.push({ policy: id, criterion: c.id, rule: c.condition });
  }
  assert.deepEqual(exported, expected);
});

test('fully answered profiles: the same truth for every criterion as json-logic-js (300 profiles, seed 61)', () => {
  const counts = { j: 0, n: 0 };
  for (const profile of generateProfiles(facts, 300, 61)) {
    const expected = reference(profile);
    assert.equal(module.criteriaTruths(JSON.stringify(profile)), expected, JSON.stringify(profile));
    assert.equal(coded(profile), expected, JSON.stringify(profile));
    for (const c of expected) counts[c] += 1;
  }
  assert.ok(counts.j > 1000 && counts.n > 1000, JSON.stringify(counts));
});

// With unanswered facts json-logic-js has no "unknown"; but a criterion our
// core calls known ("j"/"n") must come out so for *every* answer to the open
// facts (Kleene), so json-logic-js must agree on any completion of the profile.
test('partly answered profiles: a known answer holds for every completion, by json-logic-js (200 profiles)', () => {
  const r = mulberry32(62);
  let known = 0, unknown = 0;
  for (const answered of [0.3, 0.7, 0.9]) {
    const partial = generateProfiles(facts, 70, Math.floor(answered * 100), answered);
    for (const profile of partial) {
      const ours = module.criteriaTruths(JSON.stringify(profile));
      assert.equal(coded(profile), ours);
      for (const completion of generateProfiles(facts, 8, Math.floor(r() * 1e9))) {
        const full = { ...completion, ...profile };
        const js = reference(full);
        for (let i = 0; i < ours.length; i += 1)
          if (ours[i] !== '?') assert.equal(ours[i], js[i], `${exported[i].criterion}: ${JSON.stringify(full)}`);
      }
      for (const c of ours) c === '?' ? (unknown += 1) : (known += 1);
    }
  }
  assert.ok(known > 1000 && unknown > 1000, `known ${known}, unknown ${unknown}`);
});

test('nothing answered: every criterion that reads a fact is unknown, the others as json-logic-js', () => {
  const ours = module.criteriaTruths('{}');
  assert.equal(coded({}), ours);
  const js = reference({});
  // The als-protocol has criteria that always hold (the rule is `true`).
  const expected = rules.map((rule, i) => (JSON.stringify(rule).includes('"var"') ? '?' : js[i])).join('');
  assert.equal(ours, expected);
  assert.ok(expected.includes('?'));
});

test('bad coded input is refused, naming the fact', () => {
  const codes = module.criteriaCodes();
  codes.fill(NaN);
  const i = facts.findIndex((f) => f.type === 'boolean');
  codes[i] = 2;
  assert.equal(module.criteriaTruthsCoded(), false);
  assert.equal(JSON.parse(module.criteriaError()).error.where, `/profile/${facts[i].id}`);
  const bad = JSON.parse(module.criteriaTruths('{"leeftijd":"oud"}'));
  assert.equal(bad.error.where, '/profile/leeftijd');
});

// A result refers to the rulebook's tables by id (docs/result.md "Result and
// rulebook"); the page reads the tables once (core.rulebook()) and puts them
// back with ivpWithRulebook (site/js/result-tables.js). Checked here: the
// page's merge of a WASM result and the WASM rulebook is exactly what the
// core's own merge gives (`ivp calc --met-regelboek`, src/ivp/result/rulebook_json.cpp),
// for the default scenario, the Hattem scenarios of the golden tests, a
// carried pack and generated profiles; every id the result refers to is in
// the merge; neither the result nor the tables are written to.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ivpWithRulebook } from '../../site/js/result-tables.js';
import { ivpWithExplanation } from '../../site/js/ivp.js';
import { generateProfiles } from './profiles.mjs';
import { loadWasm } from './wasm-loader.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ivp = process.env.IVP_BIN || join(root, 'build/native/ivp');
const today = '2026-11-23';

const golden = readdirSync(join(root, 'tests/golden/eligibility')).filter((f) => f.endsWith('.json')).sort()
  .map((f) => JSON.parse(readFileSync(join(root, 'tests/golden/eligibility', f), 'utf8')).scenario);
const pack = JSON.parse(readFileSync(join(root, 'tests/packs/voorbeeldrecht-2026.json'), 'utf8'));
const facts = JSON.parse(readFileSync(join(root, 'data/facts.json'), 'utf8')).facts;
const scenarios = [
  {},
  ...golden,
  { policy_pack: pack, provisions: ['traplift', 'scootmobiel', 'spalken'] },
  // Late terms: the escalation, the dwangsom with its tariff, the bezwaar.
  { melding: '2025-11-03', dates: { aanvraag: '2025-12-15', ingebrekestelling: '2026-01-12' } },
  { melding: '2026-06-01', policy: 'hattem-2014' },
  { melding: '2026-06-01', dates: { aanvraag: '2026-07-20', beschikking: '2026-09-01' } },
  // An eigen bijdrage without amounts (2018: income-dependent, not computed), and one exempt household.
  { melding: '2018-06-04' },
  { melding: '2026-01-05', profile: { leeftijd: 70, huishouden: 'met_partner', partner_aow_leeftijd_bereikt: false } },
  ...generateProfiles(facts, 4, 11, 0.6).map((profile, i) => ({ profile, policy: i % 2 ? 'hattem-2014' : 'wmo-2015' })),
];

// Every value under a key `source` or `*_source` that is an id (a text has spaces).
function sourceIds(v, out = new Set(), key = '') {
  if (Array.isArray(v)) for (const x of v) sourceIds(x, out, key);
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) sourceIds(x, out, k);
  else if (typeof v === 'string' && (key === 'source' || key.endsWith('_source')) && !v.includes(' ') &&
           !['table', 'override', 'scenario', 'today'].includes(v)) out.add(v);
  return out;
}

test('the page merges result and rulebook exactly as the core does, and every id resolves', async () => {
  const core = await loadWasm();
  const rulebook = JSON.parse(core.rulebook());
  const rulebookBefore = JSON.stringify(rulebook);
  for (const scenario of scenarios) {
    const text = JSON.stringify(scenario);
    const result = JSON.parse(core.calculate(text, today));
    assert.equal(result.rulebook, rulebook.rulebook, text);
    const resultBefore = JSON.stringify(result);
    const merged = ivpWithRulebook(result, rulebook);
    const native = JSON.parse(execFileSync(ivp, ['calc', '--met-regelboek', '--today', today],
      { input: text, encoding: 'utf8', maxBuffer: 1 << 28 }));
    // Both merges take `rulebook` out: the tables it names are in.
    const { rulebook: id, ...rest } = merged;
    assert.equal(id, undefined);
    assert.deepEqual(rest, native, text.slice(0, 200));
    // In the same key order too: the page shows some parts key by key.
    assert.equal(JSON.stringify(rest), JSON.stringify(native), `key order, ${text.slice(0, 200)}`);
    // Compact reasons ("<n><o>", "zvw") in the result, every one whole in the merge.
    const reasonsOf = (r) => [...r.provisions.map((p) => p.eligibility.policies), ...r.other_provisions.map((o) => o.policies)]
      .flatMap((byPolicy) => Object.values(byPolicy).flatMap((a) => a.reasons));
    if (scenario.provisions === undefined) {
      assert.ok(reasonsOf(result).some((r) => typeof r === 'string' && r !== 'zvw'), text.slice(0, 80));
      // The Zvw provisions' reason under a policy of the rulebook: "zvw", whole with its text and source.
      assert.ok(reasonsOf(result).includes('zvw'), text.slice(0, 80));
      assert.ok(reasonsOf(merged).filter((r) => r.criterion === 'zvw').every((r) => typeof r.text === 'string' && merged.sources[r.source]));
    }
    assert.ok(reasonsOf(merged).every((r) => r && typeof r === 'object' && typeof r.criterion === 'string'), text.slice(0, 80));
    for (const s of sourceIds(merged)) assert.ok(merged.sources[s], `${s} in ${text.slice(0, 80)}`);
    assert.equal(JSON.stringify(result), resultBefore, 'the result is not written to');
  }
  assert.equal(JSON.stringify(rulebook), rulebookBefore, 'the tables are not written to');
});

// What the page renders after a keystroke is the lean result with the
// explanation merged in (site/js/ivp.js ivpWithExplanation), then the
// rulebook: its keys may come in another order (the lean parts first), but
// it holds exactly what the core's merge holds.
test('the lean result + explanation + rulebook holds what the core merges', async () => {
  const core = await loadWasm();
  const rulebook = JSON.parse(core.rulebook());
  for (const scenario of scenarios) {
    const text = JSON.stringify(scenario);
    const lean = JSON.parse(core.calculateLean(text, today));
    const explanation = JSON.parse(core.explain(text, today));
    const merged = ivpWithRulebook(ivpWithExplanation(lean, explanation), rulebook);
    const native = JSON.parse(execFileSync(ivp, ['calc', '--met-regelboek', '--today', today],
      { input: text, encoding: 'utf8', maxBuffer: 1 << 28 }));
    assert.deepEqual(merged, native, text.slice(0, 200));
  }
});

test('a result of another rulebook is refused, one without `rulebook` is used as it is', async () => {
  const core = await loadWasm();
  const rulebook = JSON.parse(core.rulebook());
  const result = JSON.parse(core.calculate('{}', today));
  assert.throws(() => ivpWithRulebook({ ...result, rulebook: 'als-ivp@0000000000000000' }, rulebook), /regelboek/);
  const { rulebook: _id, ...old } = result;
  assert.equal(ivpWithRulebook(old, rulebook), old);
});
